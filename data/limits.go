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
)

func defaultLimits() limits {
	return limits{maxBytes: MaxFileBytes, maxUnzip: unzipLimit, maxRows: MaxRows, maxCells: MaxCells,
		maxRowCells: MaxRowCells, maxFormulas: maxCalculated}
}

// filled returns the limits with any zero bound set to its default.
func (l limits) filled() limits {
	d := defaultLimits()
	if l.maxBytes == 0 {
		l.maxBytes = d.maxBytes
	}
	if l.maxUnzip == 0 {
		l.maxUnzip = d.maxUnzip
	}
	if l.maxRows == 0 {
		l.maxRows = d.maxRows
	}
	if l.maxCells == 0 {
		l.maxCells = d.maxCells
	}
	if l.maxRowCells == 0 {
		l.maxRowCells = d.maxRowCells
	}
	if l.maxFormulas == 0 {
		l.maxFormulas = d.maxFormulas
	}
	return l
}
