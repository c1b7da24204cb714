/**
 * Test support shared by the modules' tests (never shipped): a real PostgreSQL server for the
 * store's tests and the CLI's end-to-end tests. Main code here so that builds skipping tests
 * ({@code -Dmaven.test.skip}) still resolve it.
 */
package dev.planc.testing;
