package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// pageSetup makes a sheet print landscape, as many pages tall as it needs
// but one page wide, so that no column is cut off onto a page of its own;
// and, when the sheet has a table header at row header (1-based; 0 for
// none), repeats that row at the top of every printed page, so that a
// continuation page of a long table still says what its columns are. The
// repeated row is the one the sheet's frozen pane keeps on screen.
func (w *xlsxWriter) pageSetup(name string, header int) error {
	landscape := "landscape"
	one, zero, fit := 1, 0, true
	layout := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}
	if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := w.f.SetPageLayout(name, layout); err != nil {
		return err
	}
	if header == 0 {
		return nil
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name:     printTitles,
		RefersTo: printTitlesRef(name, header),
		Scope:    name,
	})
}

// printTitles is the defined name Excel and LibreOffice read as the rows
// (and columns) to repeat on every printed page of a sheet.
const printTitles = "_xlnm.Print_Titles"

// printTitlesRef refers to one whole row of a sheet, as print titles do.
func printTitlesRef(sheet string, row int) string {
	return fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), row, row)
}
