package data

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// savedByLibreOffice is where the corpus's workbooks are kept as LibreOffice
// saves them (scripts/libreoffice-corpus.sh writes them): its own shared
// strings, styles, merges and fonts, and formulas with the values it
// calculated, as an analyst's file opened and saved there has them.
const savedByLibreOffice = "testdata/libreoffice"

// The layouts analysts write are read the same way from the files
// LibreOffice saves as from those excelize writes: the same values, notes
// and problems.
func TestImportCorpusSavedByLibreOffice(t *testing.T) {
	n := 0
	for _, c := range slices.Concat(corpusAsWritten(), corpusYears()) {
		path := filepath.Join(savedByLibreOffice, corpusFileName(c.name)+".xlsx")
		b, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(c.name, func(t *testing.T) {
			if override, ok := libreOfficeDiffers[c.name]; ok {
				c.note = override
			}
			checkCorpusCase(t, c, b)
		})
	}
	if n < 20 {
		t.Errorf("%d workbooks saved by LibreOffice in %s; run scripts/libreoffice-corpus.sh", n, savedByLibreOffice)
	}
}

// libreOfficeDiffers gives the note to look for where LibreOffice's copy
// rightly reads differently: it saves the values of the formulas it
// calculated, so none is left for corecast to calculate.
var libreOfficeDiffers = map[string]string{
	"IFERROR formulas with no saved value":      "",
	"Excel's Data Subtotal by year":             "rows 4, 7–8 (3 rows): a Totals row, equal to the sum of the rows above it, skipped (2018-19 Total, 2019-20 Total, Grand Total)",
	"Excel's Data Subtotal written by a script": "rows 3, 6–7 (3 rows): a Totals row, equal to the sum of the rows above it, skipped (2018-19 Total, 2019-20 Total, Grand Total)",
}

// corpusFileName is a corpus case's file name, without its extension.
func corpusFileName(name string) string {
	return strings.NewReplacer(" ", "_", "'", "", "/", "_").Replace(name)
}

// listCorpus makes TestListCorpusAsWritten print the file names of the
// corpus's layouts as analysts write them, for scripts/libreoffice-corpus.sh.
var listCorpus = flag.Bool("list-corpus", false, "list the file names of the corpus's layouts as analysts write them")

func TestListCorpusAsWritten(t *testing.T) {
	if !*listCorpus {
		t.Skip("-list-corpus lists the corpus's layouts as analysts write them")
	}
	for _, c := range slices.Concat(corpusAsWritten(), corpusYears()) {
		fmt.Println("corpus: " + corpusFileName(c.name))
	}
}
