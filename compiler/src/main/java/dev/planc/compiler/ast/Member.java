package dev.planc.compiler.ast;

/** What a block may hold: attributes and nested declarations. */
public sealed interface Member extends Node permits Attr, Decl {}
