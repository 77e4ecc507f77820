package data

// limits bounds the work one load may do.
type limits struct {
	maxBytes int64 // largest file accepted
	maxRows  int   // most rows in one sheet or CSV file, header included
}

// Default bounds on what a load accepts.
const (
	// MaxFileBytes is the largest workbook or CSV file accepted (100 MB).
	MaxFileBytes = 100 << 20
	// MaxRows is the most rows accepted in one sheet or CSV file.
	MaxRows = 100_000
	// unzipLimit bounds the unzipped size of a workbook (500 MB).
	unzipLimit = 500 << 20
)

func defaultLimits() limits { return limits{maxBytes: MaxFileBytes, maxRows: MaxRows} }
