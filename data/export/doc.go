// Package export writes forecast results as an auditable Excel workbook, as
// CSV files (a directory or a zip) or as one JSON document, all carrying the
// same tables (DESIGN §9).
//
// Every table starts with a scenario column, so several runs stack into the
// same tables and a script sees the same schema whatever the number of runs.
// The workbook adds native charts, number formats, frozen headers and Excel
// tables with autofilter; the Distribution and ByTrust sheets are streamed, so
// a million iterations export without holding every cell in memory.
//
// Writing is atomic: output goes to a temporary file in the target directory
// and is renamed into place only when complete, so a cancelled or failed
// export leaves nothing behind. An existing file is replaced only with
// Options.Force, and an input file (Options.Protect) is never replaced.
// Text taken from input data that begins with = + - @ is written so that no
// spreadsheet evaluates it as a formula.
package export
