// Package safefile holds the one rule every writer of corecast follows: an
// output never replaces a file the command reads — an input workbook, a
// file of an input CSV directory, a scenario file or a map file — however
// the path is spelled (relative or absolute, through a link, or a CSV
// directory's file named by its directory).
package safefile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CSVInputNames are the files corecast reads from an input CSV directory.
var CSVInputNames = []string{"trusts.csv", "funding.csv", "scenario.csv", "observed.csv"}

// Reads is the set of paths a command reads: files, and CSV directories
// (whose CSVInputNames it reads). Empty entries and "-" are ignored.
type Reads []string

// Check refuses path, naming flag (e.g. "--out"), when writing it would
// replace a file the command reads.
func (r Reads) Check(flag, path string) error {
	if in, ok := r.Overwrites(path); ok {
		return fmt.Errorf("%s %s: that is %s, which this command reads; choose another name", flag, path, describe(in, path))
	}
	return nil
}

// describe names the input an output would replace.
func describe(in, out string) string {
	if st, err := os.Stat(in); err == nil && st.IsDir() {
		return "a file of the input directory " + in
	}
	if filepath.Clean(in) == filepath.Clean(out) {
		return "an input"
	}
	return "the input " + in
}

// Overwrites returns the input that writing path would replace, and true,
// or "" and false.
func (r Reads) Overwrites(path string) (string, bool) {
	if path == "" || path == "-" {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	for _, in := range r {
		if in != "" && in != "-" && replaces(abs, in) {
			return in, true
		}
	}
	return "", false
}

// replaces reports whether writing abs would replace the input in: the same
// path once cleaned and made absolute, the same file on disk (a link, a
// hard link, another spelling), or a file corecast reads inside the input
// CSV directory in.
func replaces(abs, in string) bool {
	ia, err := filepath.Abs(in)
	if err != nil {
		return false
	}
	if filepath.Clean(ia) == filepath.Clean(abs) {
		return true
	}
	ist, err := os.Stat(ia)
	if err != nil {
		return false
	}
	if ost, err := os.Stat(abs); err == nil && os.SameFile(ist, ost) {
		return true
	}
	if !ist.IsDir() {
		return false
	}
	parent, err := os.Stat(filepath.Dir(abs))
	if err != nil || !os.SameFile(ist, parent) {
		return false
	}
	base := strings.ToLower(filepath.Base(abs))
	for _, n := range CSVInputNames {
		if base == n {
			return true
		}
	}
	return false
}
