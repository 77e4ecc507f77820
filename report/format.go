package report

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is an export file format.
type Format string

// The export formats.
const (
	XLSX Format = "xlsx" // one Excel workbook
	CSV  Format = "csv"  // one CSV file per table, in a directory or a .zip
	JSON Format = "json" // one JSON document
)

// Formats lists every export format.
func Formats() []Format { return []Format{XLSX, CSV, JSON} }

// ParseFormat reads a format name, case-insensitively.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range Formats() {
		if f == g {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: want xlsx, csv or json", s)
}

// FormatFromPath infers the format from an output path: "-" and .json give
// JSON, .xlsx gives XLSX, and .zip or a path without an extension (a
// directory) gives CSV.
func FormatFromPath(path string) (Format, error) {
	if path == "-" {
		return JSON, nil
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx":
		return XLSX, nil
	case ".json":
		return JSON, nil
	case ".zip", "":
		return CSV, nil
	case ".csv":
		return "", fmt.Errorf("CSV export writes one file per table: give a directory or a .zip path, not %s", path)
	default:
		return "", fmt.Errorf("cannot tell the format of %s from its extension %q: use .xlsx, .json, .zip or a directory, or give --format", path, ext)
	}
}
