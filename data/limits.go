package data

// limits bounds the work one load may do. Every limit is checked while
// reading, before anything is held whole.
type limits struct {
	maxBytes    int64 // largest file accepted
	maxUnzip    int64 // most bytes a workbook may unpack to
	maxRows     int   // most rows in one sheet or CSV file, header included
	maxCells    int   // most cells in one sheet (and strings in the shared table)
	maxRowCells int   // most cells in one row
	maxFormulas int   // most formulas without a saved value corecast will calculate
	maxSheets   int   // most sheets a workbook may list
	maxText     int   // most characters (UTF-16 code units, as Excel counts) in one cell
	maxLinks    int64 // most links between formula cells followed (see formulaGraph)
	maxGraph    int   // most formula cells kept to look for circular references
	maxParts    int   // most parts of formulas kept (see maxFormulaParts)
}

// Default bounds on what a load accepts.
const (
	// MaxFileBytes is the largest workbook or CSV file accepted (100 MB).
	MaxFileBytes = 100 << 20
	// MaxRows is the most rows accepted in one sheet or CSV file.
	MaxRows = 100_000
	// MaxCells is the most cells accepted in one sheet.
	MaxCells = 5_000_000
	// MaxRowCells is the most cells in one row: Excel's 16,384 columns.
	MaxRowCells = 16_384
	// unzipLimit bounds the unpacked size of a workbook (500 MB).
	unzipLimit = 500 << 20
	// maxCalculated bounds the formulas without saved values that are
	// calculated in one load.
	maxCalculated = 20_000
	// MaxSheets is the most sheets a workbook may list (Excel itself has
	// no fixed limit, but no workbook of inputs comes near it).
	MaxSheets = 1_000
	// MaxCellText is the most characters one cell may hold: Excel's limit,
	// counted as Excel counts them, in UTF-16 code units.
	MaxCellText = 32_767
)

func defaultLimits() limits {
	return limits{maxBytes: MaxFileBytes, maxUnzip: unzipLimit, maxRows: MaxRows, maxCells: MaxCells,
		maxRowCells: MaxRowCells, maxFormulas: maxCalculated, maxSheets: MaxSheets, maxText: MaxCellText, maxLinks: maxFormulaWork, maxGraph: maxGraphFormulas, maxParts: maxFormulaParts}
}

// filled returns the limits with any zero bound set to its default.
func (l limits) filled() limits {
	d := defaultLimits()
	orDefault(&l.maxBytes, d.maxBytes)
	orDefault(&l.maxUnzip, d.maxUnzip)
	orDefault(&l.maxLinks, d.maxLinks)
	orDefault(&l.maxRows, d.maxRows)
	orDefault(&l.maxCells, d.maxCells)
	orDefault(&l.maxRowCells, d.maxRowCells)
	orDefault(&l.maxFormulas, d.maxFormulas)
	orDefault(&l.maxSheets, d.maxSheets)
	orDefault(&l.maxText, d.maxText)
	orDefault(&l.maxGraph, d.maxGraph)
	orDefault(&l.maxParts, d.maxParts)
	return l
}

// orDefault sets *v to d when it is zero: a bound not given.
func orDefault[T int | int64](v *T, d T) {
	if *v == 0 {
		*v = d
	}
}

// textUnits counts the characters of valid UTF-8 text as Excel counts them:
// UTF-16 code units, so a character outside the Basic Multilingual Plane
// (an emoji) counts two.
func textUnits[T string | []byte](s T) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x80, b >= 0xC0 && b < 0xF0:
			n++
		case b >= 0xF0:
			n += 2
		}
	}
	return n
}

// overText reports whether text holds more characters than a cell may:
// the byte count settles most text without counting.
func overText[T string | []byte](s T, max int) bool {
	return len(s) > max && textUnits(s) > max
}
