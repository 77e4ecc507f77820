package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"corecast/model"
)

// Loaded is what a load reads: the inputs, the rows of the optional Scenario
// sheet (apply them with ApplyScenarioSheet) and the notes of every
// conversion made, so that a reviewer sees how each value was read.
type Loaded struct {
	Inputs   model.Inputs
	Scenario []KeyValue
	Notes    Notes
	// Digest is the SHA-256 of the bytes read, for the export's manifest.
	Digest Digest
}

// Load reads inputs from path: an xlsx workbook, or a directory holding
// trusts.csv, funding.csv and optionally scenario.csv, through the map file
// m (nil for none). Problems with the contents are returned together as a
// Problems error; a file that cannot be opened gives an ordinary error.
func Load(path string, m *Mapping) (Loaded, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Loaded{}, fmt.Errorf("cannot read input %s: %w", path, pathErr(err))
	}
	if st.IsDir() {
		return loadDir(path, m, defaultLimits())
	}
	return loadWorkbookFile(path, m, defaultLimits())
}

// LoadWorkbook reads an xlsx workbook with sheets Trusts, Funding and
// optionally Scenario.
func LoadWorkbook(path string, m *Mapping) (Loaded, error) {
	return loadWorkbookFile(path, m, defaultLimits())
}

func loadWorkbookFile(path string, m *Mapping, lim limits) (Loaded, error) {
	b, err := readFileLimited(path, lim)
	if err != nil {
		return Loaded{}, err
	}
	return loadWorkbookBytes(path, b, m, lim)
}

// LoadWorkbookBytes reads an xlsx workbook held in memory; name is used in
// problems in place of a file name.
func LoadWorkbookBytes(name string, b []byte, m *Mapping) (Loaded, error) {
	return loadWorkbookBytes(name, b, m, defaultLimits())
}

// LoadWorkbookReader reads an xlsx workbook from r, refusing more than
// MaxFileBytes; name is used in problems in place of a file name.
func LoadWorkbookReader(name string, r io.Reader, m *Mapping) (Loaded, error) {
	lim := defaultLimits()
	b, err := readLimited(name, r, lim)
	if err != nil {
		return Loaded{}, err
	}
	return loadWorkbookBytes(name, b, m, lim)
}

func loadWorkbookBytes(name string, b []byte, m *Mapping, lim limits) (out Loaded, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = Loaded{}, refuse(name, "could not be read as an xlsx workbook; it looks damaged (%v)", r)
		}
		if err == nil {
			out.Digest = digestBytes(b)
		}
	}()
	wb, err := openWorkbook(name, b, lim)
	if err != nil {
		return Loaded{}, err
	}
	var ps problemList
	var notes noteList
	tables := map[string]*table{}
	for _, s := range []sheetSchema{trustsSchema, fundingSchema, scenarioSchema, observedSchema} {
		want := s.sheet
		if sm := m.forSheet(s); sm.sheet != "" {
			want = sm.sheet
		}
		refs := wb.sheetsNamed(want)
		if len(refs) == 0 && want == s.sheet {
			if refs = wb.sheetsStarting(want); len(refs) == 1 {
				notes.add(Note{File: name, Sheet: refs[0].name, Text: "read as the " + s.sheet + " sheet (no sheet is named " + s.sheet + " exactly)"})
			}
		}
		if len(refs) > 1 {
			var names []string
			for _, r := range refs {
				names = append(names, fmt.Sprintf("%q", r.name))
			}
			ps.add(Problem{File: name, Expected: fmt.Sprintf("has %d sheets that could be the %s sheet (%s); rename or remove all but one", len(refs), s.sheet, strings.Join(names, ", "))})
			continue
		}
		if len(refs) == 0 {
			continue
		}
		t, err := wb.readSheet(refs[0])
		if err != nil {
			return Loaded{}, err
		}
		if t.hidden {
			notes.add(Note{File: name, Sheet: t.sheet, Text: "is a hidden sheet; it was read"})
		}
		mergeNotes(t, &notes)
		tables[s.sheet] = t
	}
	if err := ps.err(); err != nil {
		return Loaded{}, err
	}
	var read []*table
	for _, t := range tables {
		read = append(read, t)
	}
	g, err := wb.checkFormulas(read)
	if err != nil {
		return Loaded{}, err
	}
	n, err := wb.calculate(read, g)
	if err != nil {
		return Loaded{}, err
	}
	if n > 0 && wb.fullCalc {
		notes.add(formulaNote(name, n, true))
	}
	missing := func(s sheetSchema) Problem { return wb.missingSheet(s, m, tables) }
	return fromTables(tables, m, missing, &notes)
}

// fromTables turns the tables, by sheet name, into inputs, gathering every
// problem. Trusts and Funding must be there; missing makes the problem that
// says one is not.
func fromTables(tables map[string]*table, m *Mapping, missing func(sheetSchema) Problem, notes *noteList) (Loaded, error) {
	trusts, funding, scenario, observed := tables[SheetTrusts], tables[SheetFunding], tables[SheetScenario], tables[SheetObserved]
	var ps problemList
	var out Loaded
	var codes map[string]string
	if trusts == nil {
		ps.add(missing(trustsSchema))
	} else {
		out.Inputs.Trusts, codes = parseTrusts(trusts, m.forSheet(trustsSchema), &ps, notes)
	}
	if funding == nil {
		ps.add(missing(fundingSchema))
	} else {
		out.Inputs.Funding = parseFunding(funding, m.forSheet(fundingSchema), codes, &ps, notes)
	}
	if scenario != nil {
		out.Scenario = parseScenarioSheet(scenario, &ps, notes)
	}
	if observed != nil {
		out.Inputs.Observed = parseObserved(observed, codes, &ps, notes)
	}
	if err := ps.err(); err != nil {
		return Loaded{}, err
	}
	out.Notes = notes.list
	return out, nil
}

// readFileLimited reads a whole file, refusing one larger than the limit.
func readFileLimited(path string, lim limits) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
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
