package model

import (
	"fmt"
	"strconv"
	"strings"
)

// FinancialYear is an NHS financial year (April to March) named by the calendar
// year in which it starts: 2019 is "2019-20".
type FinancialYear int

// String formats the year as "2019-20".
func (y FinancialYear) String() string {
	return fmt.Sprintf("%d-%02d", int(y), (int(y)+1)%100)
}

// Add returns the year n years later (earlier when n is negative).
func (y FinancialYear) Add(n int) FinancialYear { return y + FinancialYear(n) }

// Sub returns the number of years from o to y.
func (y FinancialYear) Sub(o FinancialYear) int { return int(y - o) }

// ParseFinancialYear reads a year written "2019-20" (also "2019/20"). The second
// part must be the year after the first, so "2019-21" is refused.
func ParseFinancialYear(s string) (FinancialYear, error) {
	t := strings.TrimSpace(s)
	sep := strings.IndexAny(t, "-/")
	if sep != 4 || len(t) != 7 {
		return 0, fmt.Errorf("financial year %q: want the form 2019-20", s)
	}
	first, err1 := strconv.Atoi(t[:4])
	second, err2 := strconv.Atoi(t[5:])
	if err1 != nil || err2 != nil || first < 1900 || first > 2200 {
		return 0, fmt.Errorf("financial year %q: want the form 2019-20", s)
	}
	if second != (first+1)%100 {
		return 0, fmt.Errorf("financial year %q: the second part must be %02d", s, (first+1)%100)
	}
	return FinancialYear(first), nil
}
