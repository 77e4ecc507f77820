package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"corecast/model"
)

// Load reads inputs from path: an xlsx workbook, or a directory holding
// trusts.csv, funding.csv and optionally scenario.csv. It returns the inputs
// and the rows of the optional Scenario sheet (apply them with
// ApplyScenarioSheet). Problems with the contents are returned together as a
// Problems error; a file that cannot be opened gives an ordinary error.
func Load(path string) (model.Inputs, []KeyValue, error) {
	st, err := os.Stat(path)
	if err != nil {
		return model.Inputs{}, nil, fmt.Errorf("cannot read input %s: %w", path, pathErr(err))
	}
	if st.IsDir() {
		return LoadDir(path)
	}
	return LoadWorkbook(path)
}

// LoadWorkbook reads an xlsx workbook with sheets Trusts, Funding and
// optionally Scenario.
func LoadWorkbook(path string) (model.Inputs, []KeyValue, error) {
	return loadWorkbookFile(path, defaultLimits())
}

func loadWorkbookFile(path string, lim limits) (model.Inputs, []KeyValue, error) {
	b, err := readFileLimited(path, lim)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	return loadWorkbookBytes(path, b, lim)
}

// LoadWorkbookBytes reads an xlsx workbook held in memory; name is used in
// problems in place of a file name.
func LoadWorkbookBytes(name string, b []byte) (model.Inputs, []KeyValue, error) {
	return loadWorkbookBytes(name, b, defaultLimits())
}

// LoadWorkbookReader reads an xlsx workbook from r, refusing more than
// MaxFileBytes; name is used in problems in place of a file name.
func LoadWorkbookReader(name string, r io.Reader) (model.Inputs, []KeyValue, error) {
	lim := defaultLimits()
	b, err := readLimited(name, r, lim)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	return loadWorkbookBytes(name, b, lim)
}

func loadWorkbookBytes(name string, b []byte, lim limits) (model.Inputs, []KeyValue, error) {
	tables, err := readXLSX(name, b, []string{SheetTrusts, SheetFunding, SheetScenario}, lim)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	missing := func(sheet string) Problem {
		return Problem{File: name, Sheet: sheet, Expected: "is missing: want a sheet named Trusts and one named Funding (see the workbook schema in the README)"}
	}
	return fromTables(tables[SheetTrusts], tables[SheetFunding], tables[SheetScenario], missing)
}

// fromTables turns the tables into inputs, gathering every problem. A nil
// table is missing; missing makes the problem that says so.
func fromTables(trusts, funding, scenario *table, missing func(which string) Problem) (model.Inputs, []KeyValue, error) {
	var ps problemList
	var in model.Inputs
	var kv []KeyValue
	var codes map[string]string
	if trusts == nil {
		ps.add(missing(SheetTrusts))
	} else {
		in.Trusts = parseTrusts(trusts, &ps)
		codes = trustCodes(trusts)
	}
	if funding == nil {
		ps.add(missing(SheetFunding))
	} else {
		in.Funding = parseFunding(funding, codes, &ps)
	}
	if scenario != nil {
		kv = parseScenarioSheet(scenario, &ps)
	}
	if err := ps.err(); err != nil {
		return model.Inputs{}, nil, err
	}
	return in, kv, nil
}

// readFileLimited reads a whole file, refusing one larger than the limit.
func readFileLimited(path string, lim limits) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, pathErr(err))
	}
	defer func() { _ = f.Close() }()
	if st, err := f.Stat(); err == nil && st.Size() > lim.maxBytes {
		return nil, refuse(path, "is larger than %d MB; corecast reads files up to that size", lim.maxBytes>>20)
	}
	return readLimited(path, f, lim)
}

func readLimited(name string, r io.Reader, lim limits) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, lim.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if int64(len(b)) > lim.maxBytes {
		return nil, refuse(name, "is larger than %d MB; corecast reads files up to that size", lim.maxBytes>>20)
	}
	return b, nil
}

// pathErr drops the operation and path from a file error, which the caller
// names itself: "no such file or directory" rather than "stat x: no such ...".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
