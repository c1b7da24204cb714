/**
 * Test support shared by the modules' tests (never shipped): where the repository is, and a
 * real PostgreSQL server for the store's tests and the CLI's end-to-end tests. It is main code
 * so that builds skipping tests ({@code -Dmaven.test.skip}) still resolve it.
 */
package dev.planc.testing;
