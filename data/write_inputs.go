package data

import (
	"context"
	"corecast/internal/safefile"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"corecast/model"
)

// WriteInputsWorkbook writes inputs as an xlsx workbook with sheets Trusts
// and Funding, in the layout Load reads. The write is atomic; an existing
// file is replaced only when force is set.
func WriteInputsWorkbook(path string, in model.Inputs, force bool) error {
	return safefile.WriteFileAtomic(path, force, func(w io.Writer) error { return WriteInputsXLSX(w, in, nil) })
}

// WriteSampleWorkbook writes the embedded sample inputs, with an About sheet
// saying where the numbers come from, as an xlsx workbook at path.
func WriteSampleWorkbook(path string, force bool) error {
	return WriteSampleWorkbookContext(context.Background(), path, force)
}

// WriteSampleWorkbookContext is WriteSampleWorkbook stopping when ctx is
// cancelled, with nothing written and no temporary file left.
func WriteSampleWorkbookContext(ctx context.Context, path string, force bool) error {
	in, err := Sample()
	if err != nil {
		return err
	}
	return safefile.WriteFileAtomicContext(ctx, path, force, func(w io.Writer) error { return WriteInputsXLSX(w, in, SampleAbout()) })
}

// inputSheet is one sheet of an inputs workbook as written.
type inputSheet struct {
	name   string
	rows   [][]any
	widths []float64
	money  []string // columns with £m format
}

// WriteInputsXLSX writes inputs as an xlsx workbook to w: sheets Trusts and
// Funding, and an About sheet holding the lines of about when it is not empty.
func WriteInputsXLSX(w io.Writer, in model.Inputs, about []string) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := f.SetSheetName("Sheet1", SheetTrusts); err != nil {
		return fmt.Errorf("creating workbook: %w", err)
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return fmt.Errorf("creating workbook: %w", err)
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return fmt.Errorf("creating workbook: %w", err)
	}
	trustRows := make([][]any, 0, len(in.Trusts)+1)
	trustRows = append(trustRows, headingRow(TrustColumns()))
	for _, t := range in.Trusts {
		trustRows = append(trustRows, TrustRecord(t))
	}
	fundRows := make([][]any, 0, len(in.Funding)+1)
	fundRows = append(fundRows, headingRow(FundingColumns()))
	for _, r := range in.Funding {
		fundRows = append(fundRows, FundingRecord(r))
	}
	obsRows := make([][]any, 0, len(in.Observed)+1)
	obsRows = append(obsRows, headingRow(ObservedColumns()))
	for _, o := range in.Observed {
		obsRows = append(obsRows, ObservedRecord(o))
	}
	sheets := []inputSheet{
		{SheetTrusts, trustRows, []float64{8, 60, 14, 24, 10, 10, 14, 16}, moneyLetters(TrustColumns())},
		{SheetFunding, fundRows, []float64{10, 26, 9, 12, 10, 11}, moneyLetters(FundingColumns())},
	}
	if len(in.Observed) > 0 {
		sheets = append(sheets, inputSheet{SheetObserved, obsRows, []float64{8, 9, 10}, nil})
	}
	for i, s := range sheets {
		if i > 0 {
			if _, err := f.NewSheet(s.name); err != nil {
				return fmt.Errorf("creating sheet %s: %w", s.name, err)
			}
		}
		if err := writeSheet(f, s.name, s.rows, s.widths, header); err != nil {
			return err
		}
		for _, col := range s.money {
			if len(s.rows) > 1 {
				if err := f.SetCellStyle(s.name, col+"2", fmt.Sprintf("%s%d", col, len(s.rows)), money); err != nil {
					return fmt.Errorf("formatting sheet %s: %w", s.name, err)
				}
			}
		}
	}
	if len(about) > 0 {
		if _, err := f.NewSheet("About"); err != nil {
			return fmt.Errorf("creating sheet About: %w", err)
		}
		rows := make([][]any, len(about))
		for i, l := range about {
			rows[i] = []any{l}
		}
		if err := writeSheet(f, "About", rows, []float64{120}, 0); err != nil {
			return err
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	return nil
}

// writeSheet writes rows from A1, sets column widths and, when headerStyle is
// not 0, styles and freezes the first row and adds an autofilter.
func writeSheet(f *excelize.File, sheet string, rows [][]any, widths []float64, headerStyle int) error {
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return fmt.Errorf("sheet %s, row %d: %w", sheet, i+1, err)
		}
	}
	if err := setDimension(f, sheet, rows); err != nil {
		return err
	}
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	if headerStyle == 0 || len(rows) == 0 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(len(rows[0]), 1)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetCellStyle(sheet, "A1", last, headerStyle); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	lastData, err := excelize.CoordinatesToCellName(len(rows[0]), len(rows))
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.AutoFilter(sheet, "A1:"+lastData, nil); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// setDimension declares the sheet's used range, rows from A1, in its
// <dimension>: readers that trust it, such as openpyxl's read-only mode and
// Power Query, read only that far, and excelize leaves it at A1.
func setDimension(f *excelize.File, sheet string, rows [][]any) error {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	ref, err := excelize.CoordinatesToCellName(cols, len(rows))
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if ref != "A1" {
		ref = "A1:" + ref
	}
	if err := f.SetSheetDimension(sheet, ref); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// headingRow turns column names into a row of cells.
func headingRow(names []string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// moneyLetters gives the column letters of the money columns among names.
func moneyLetters(names []string) []string {
	var out []string
	for i, n := range names {
		if MoneyColumn(n) {
			out = append(out, columnLetters(i))
		}
	}
	return out
}
