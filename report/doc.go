// Package report writes forecast results as an auditable Excel workbook, as
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
//
// Every reader sees the same workbook: each sheet declares its used range,
// numbers are stored as numbers and blanks as no cell, and every sheet
// prints one page wide with its header row repeated, each page headed with
// the sheet's name and footed with the scenarios; the Distribution prints
// only its first rows unless its print area is cleared, and
// Options.NoDistribution leaves it out. The sheets run from the Summary
// through the Comparison and analyses to the detail, then the Assumptions,
// Inputs and Manifest. The output is
// reproducible to the byte: with Options.SourceDate (SOURCE_DATE_EPOCH) every
// date written comes from it and run times are left out, styles are
// numbered and workbook parts written in a fixed order, so the same runs
// give the same xlsx, CSV zip and JSON.
package report
