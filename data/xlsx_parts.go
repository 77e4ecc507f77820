package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// maxParts bounds the members of a workbook's zip archive. A workbook of
// 1,000 sheets, each with its relationships, drawing and comments, has a
// few thousand; archive/zip holds an entry for every member its central
// directory lists, so the count is checked before it reads them.
const maxParts = 20_000

// dirHeaderSig starts each entry of a zip archive's central directory.
var dirHeaderSig = []byte("PK\x01\x02")

// checkPartCount refuses an archive whose central directory may list more
// than maxParts members. Every entry starts with dirHeaderSig, so counting
// the signature anywhere in the file counts at least the entries; archive/zip
// reads entries one after another for as long as they parse, whatever count
// the archive claims, so nothing smaller bounds what it would hold.
func checkPartCount(file string, b []byte) error {
	if n := bytes.Count(b, dirHeaderSig); n > maxParts {
		return refuse(file, "holds more than %s parts (zip members); a workbook has a few thousand at most, so it looks damaged", formatThousands(maxParts))
	}
	return nil
}

// partKey is a member name as a package reader looks it up: part names are
// compared without regard to case (Open Packaging Conventions), excelize
// reads backslashes as slashes, and a leading slash names the same part.
// Folding through upper then lower case puts every spelling that
// strings.EqualFold matches on one key.
func partKey(name string) string {
	name = strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/")
	return strings.ToLower(strings.ToUpper(name))
}

// indexParts maps each member of the archive by partKey, refusing an archive
// in which two members share a key: which of them a reader takes is up to
// the reader (corecast read the first, excelize the last, Excel either), so
// the numbers shown could come from a part other programs never show.
func indexParts(file string, zr *zip.Reader) (map[string]*zip.File, error) {
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		k := partKey(f.Name)
		if first, dup := parts[k]; dup {
			what := "two parts named " + fmt.Sprintf("%q", f.Name)
			if first.Name != f.Name {
				what = fmt.Sprintf("two parts whose names differ only in case or slashes (%q and %q)", first.Name, f.Name)
			}
			return nil, refuse(file, "is a damaged file: it holds %s, and other programs may read the other one; save it again from Excel or LibreOffice", what)
		}
		parts[k] = f
	}
	return parts, nil
}
