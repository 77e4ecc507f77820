// Package cli is corecast's command line: the root command (the interactive
// program on a workbook), and the version, sample and validate commands.
// main wires it to the process; everything else lives in the other packages.
//
// Exit codes: 0 success, 1 runtime failure, 2 usage error or invalid input.
// Errors go to stderr as one sentence each, never as a panic trace.
package cli
