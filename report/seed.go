package report

import "strconv"

// maxNumericSeed is the largest seed written as a number: fifteen digits,
// as many as Excel shows of any number, and far below 2^53, up to which a
// double holds every whole number exactly. A seed is a uint64, so a larger
// one could be shown rounded, or stored rounded, and a reviewer would copy
// the wrong seed.
const maxNumericSeed = 999_999_999_999_999

// seedValue is a seed as every export writes it: a whole number when a
// spreadsheet shows all its digits, otherwise its digits as text.
func seedValue(seed uint64) any {
	if seed <= maxNumericSeed {
		return cell{float64(seed), kWhole}
	}
	return strconv.FormatUint(seed, 10)
}

// seedNote says why a seed is written as text, or nothing when it is a
// number.
func seedNote(seed uint64) string {
	if seed <= maxNumericSeed {
		return ""
	}
	return "written as text: a seed over 15 digits cannot be shown exactly as a spreadsheet number"
}
