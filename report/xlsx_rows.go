package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// rowsChunk is how much row XML writeRows gathers before passing it on.
const rowsChunk = 64 << 10

// writeRows writes rows [lo, hi) of table t as worksheet XML, the first on
// sheet row first, to out: the <row> elements of a streamed sheet's
// <sheetData>. It writes what excelize's StreamWriter would, with two
// differences. Numbers keep every digit they need to read back as the same
// float64, where excelize rounds them to 15 significant digits, so that a
// reviewer re-deriving a statistic from the Distribution gets the engine's
// number. And a cell costs no allocation, where SetRow costs several: at a
// million iterations that is the difference between seconds and most of a
// minute, and a heap that stays the size of the forecast.
func (w *xlsxWriter) writeRows(out io.Writer, t *table, cols []column, lo, hi, first int) error {
	enc := newRowEncoder(w.st, cols)
	s := newRowScratch(t)
	buf := make([]byte, 0, rowsChunk+4096)
	for i := lo; i < hi; i++ {
		t.fill(i, s.vals, s.nums)
		buf = enc.appendRow(buf, first+i-lo, s.vals, s.nums)
		if len(buf) >= rowsChunk {
			if _, err := out.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		if err := w.prog.step(); err != nil {
			return err
		}
	}
	_, err := out.Write(buf)
	return err
}

// rowEncoder appends table rows as worksheet XML, with the style of each
// value worked out as styles.value does.
type rowEncoder struct {
	st   *styles
	cols []column
	// refs are the column letters of each column; numStyle the style of a
	// number (float64 or int) in each column, textStyle that of text.
	refs                []string
	numStyle, textStyle []int
	row                 []byte // the row number being written, as text
}

// newRowEncoder prepares to write rows of the given columns, the first in
// column A.
func newRowEncoder(st *styles, cols []column) *rowEncoder {
	e := &rowEncoder{st: st, cols: cols, refs: make([]string, len(cols)),
		numStyle: make([]int, len(cols)), textStyle: make([]int, len(cols))}
	for j, c := range cols {
		e.refs[j] = colName(j + 1)
		e.numStyle[j] = st.kinds[c.kind]
		e.textStyle[j] = st.textStyle(c)
	}
	return e
}

// appendRow appends row r holding vals and nums (one per column, as
// table.fill gives them) to buf. A missing value (nil, NaN, an infinity,
// empty text) is no cell at all.
func (e *rowEncoder) appendRow(buf []byte, r int, vals []any, nums []float64) []byte {
	e.row = strconv.AppendInt(e.row[:0], int64(r), 10)
	buf = append(buf, `<row r="`...)
	buf = append(buf, e.row...)
	buf = append(buf, `">`...)
	for j, v := range vals {
		switch x := v.(type) {
		case inNums:
			buf = e.appendNumber(buf, j, nums[j])
		case float64:
			buf = e.appendNumber(buf, j, x)
		case cell:
			if finite(x.v) {
				style := e.st.kinds[x.k]
				if e.cols[j].left {
					style = e.st.left[x.k]
				}
				buf = appendNumberCell(e.appendCellStart(buf, j, style), x.v)
			}
		case int:
			buf = e.appendCellStart(buf, j, e.numStyle[j])
			buf = append(buf, `><v>`...)
			buf = strconv.AppendInt(buf, int64(x), 10)
			buf = append(buf, `</v></c>`...)
		case string:
			if x != "" {
				buf = appendTextCell(e.appendCellStart(buf, j, e.textStyle[j]), x)
			}
		case nil:
		default:
			buf = appendTextCell(e.appendCellStart(buf, j, 0), fmt.Sprint(v))
		}
	}
	return append(buf, `</row>`...)
}

// appendNumber appends number v as the cell of column j of the current
// row, or nothing if it is not finite.
func (e *rowEncoder) appendNumber(buf []byte, j int, v float64) []byte {
	if !finite(v) {
		return buf
	}
	return appendNumberCell(e.appendCellStart(buf, j, e.numStyle[j]), v)
}

// appendCellStart appends the start of the cell in column j of the current
// row, up to its attributes: `<c r="B7" s="3"`.
func (e *rowEncoder) appendCellStart(buf []byte, j, style int) []byte {
	buf = append(buf, `<c r="`...)
	buf = append(buf, e.refs[j]...)
	buf = append(buf, e.row...)
	buf = append(buf, '"')
	if style != 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(style), 10)
		buf = append(buf, '"')
	}
	return buf
}

// appendNumberCell ends a number cell whose start appendCellStart wrote.
func appendNumberCell(buf []byte, v float64) []byte {
	buf = append(buf, `><v>`...)
	buf = appendCellNumber(buf, v)
	return append(buf, `</v></c>`...)
}

// appendCellNumber appends a finite number as a worksheet stores it: the
// shortest decimal that reads back as the same float64, in plain notation
// (as Excel writes most numbers) unless that would be very long.
func appendCellNumber(buf []byte, v float64) []byte {
	if a := math.Abs(v); a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.AppendFloat(buf, v, 'f', -1, 64)
	}
	return strconv.AppendFloat(buf, v, 'E', -1, 64)
}

// maxCellChars is the most characters (UTF-16 code units) a cell holds in
// Excel; excelize cuts longer text to it without a word, so the writers
// cut it first with a mark that says so (cutCellText).
const maxCellChars = 32767

// appendTextCell ends a cell of text s, whose start appendCellStart wrote,
// as an inline string, as excelize's StreamWriter writes text. The text is
// escaped for XML. A character XML cannot hold (a control character, U+FFFE,
// U+FFFF) is written _xHHHH_, as Excel writes it, and an underscore that
// would otherwise start such an escape as _x005F_; invalid UTF-8 becomes
// U+FFFD. Leading or trailing white space is kept by xml:space="preserve".
func appendTextCell(buf []byte, s string) []byte {
	s = cutCellText(s)
	buf = append(buf, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		buf = append(buf, ` xml:space="preserve"`...)
	}
	buf = append(buf, '>')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			buf = append(buf, "&amp;"...)
		case r == '<':
			buf = append(buf, "&lt;"...)
		case r == '>':
			buf = append(buf, "&gt;"...)
		case r == '\r':
			buf = append(buf, "&#xD;"...)
		case r == '_' && isEscapeLike(s[i:]):
			buf = append(buf, "_x005F_"...)
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
			buf = append(buf, "_x"...)
			buf = appendHex4(buf, uint16(r))
			buf = append(buf, '_')
		case r == utf8.RuneError && size == 1:
			buf = utf8.AppendRune(buf, utf8.RuneError)
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return append(buf, `</t></is></c>`...)
}

// isXMLSpace reports whether b is white space that an XML reader may drop
// from the ends of text unless told to preserve it.
func isXMLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r'
}

// isEscapeLike reports whether s starts with _xHHHH_, which a reader would
// take for an escaped character.
func isEscapeLike(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for i := 2; i < 6; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendHex4 appends v as four upper-case hexadecimal digits.
func appendHex4(buf []byte, v uint16) []byte {
	const digits = "0123456789ABCDEF"
	return append(buf, digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15])
}
