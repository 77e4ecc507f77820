package report

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// pageSetup makes a sheet print landscape, as many pages tall as it needs
// but one page wide, so that no column is cut off onto a page of its own;
// heads every page with the sheet's name and its page number, and foots it
// with the scenarios and the file's name (w.footer); and, when the sheet has
// a table header at row header (1-based; 0 for none), repeats that row at
// the top of every printed page, so that a continuation page of a long table
// still says what its columns are. The repeated row is the one the sheet's
// frozen pane keeps on screen.
//
// A sheet marked onePage prints on one page, portrait, fitted tall as well
// as wide.
func (w *xlsxWriter) pageSetup(name string, header int, onePage bool) error {
	landscape := "landscape"
	one, zero, fit := 1, 0, true
	layout := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}
	if onePage {
		portrait := "portrait"
		layout.Orientation, layout.FitToHeight = &portrait, &one
	}
	if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("setting the page fit: %w", err)
	}
	if err := w.f.SetPageLayout(name, layout); err != nil {
		return fmt.Errorf("setting the page layout: %w", err)
	}
	if err := w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: pageHeader, OddFooter: w.footer}); err != nil {
		return fmt.Errorf("setting the page header and footer: %w", err)
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

// printOnly limits what prints of a sheet to its first rows (1-based,
// inclusive) and columns: the rest stays on screen but off paper until the
// print area is cleared.
func (w *xlsxWriter) printOnly(name string, rows, cols int) error {
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name:     printArea,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoteSheet(name), colName(cols), rows),
		Scope:    name,
	})
}

// pageHeader heads every printed page: the sheet's name on the left (&A)
// and "page P of N" on the right.
const pageHeader = "&L&A&Rpage &P of &N"

// pageFooter foots every printed page of a book: its scenarios on the left
// and the file's name (&F) on the right. Text is escaped and cut to fit the
// 255 characters a header or footer may hold.
func pageFooter(b *book) string {
	const right = "&R&F"
	text := "corecast forecast: " + strings.Join(b.labels, ", ")
	left := "&L"
	for _, r := range text {
		if unicode.IsControl(r) {
			r = ' '
		}
		piece := string(r)
		if r == '&' {
			piece = "&&"
		}
		// Leave room for an ellipsis (one UTF-16 unit) and the right part.
		if utf16Len(left)+utf16Len(piece)+1+len(right) > excelize.MaxFieldLength {
			left += "…"
			break
		}
		left += piece
	}
	return left + right
}

// utf16Len counts the UTF-16 code units of s, as Excel measures text.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// printTitles is the defined name Excel and LibreOffice read as the rows
// (and columns) to repeat on every printed page of a sheet.
const printTitles = "_xlnm.Print_Titles"

// printArea is the defined name Excel and LibreOffice read as the part of
// a sheet to print.
const printArea = "_xlnm.Print_Area"

// printTitlesRef refers to one whole row of a sheet, as print titles do.
func printTitlesRef(sheet string, row int) string {
	return fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), row, row)
}

// quoteSheet quotes a sheet name for a reference.
func quoteSheet(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}
