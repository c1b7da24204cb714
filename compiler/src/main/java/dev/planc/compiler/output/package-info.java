/**
 * Schedule writers: JSON and YAML of the same document (CLI.md's shape), Mermaid gantt, and a
 * text table with a bar chart. Writers only serialise; they compute nothing.
 */
@NullMarked
package dev.planc.compiler.output;

import org.jspecify.annotations.NullMarked;
