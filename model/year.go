package model

import (
	"fmt"
	"regexp"
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

// yearForm matches the ways finance teams write a financial year: 2019-20,
// 2019/20, 2019-2020, 2019/2020, 19/20, FY19/20, FY2019-20, "FY 2019–20".
var yearForm = regexp.MustCompile(`^(?i:fy)?\s*(\d{4}|\d{2})\s*[-/–]\s*(\d{4}|\d{2})$`)

// ParseFinancialYear reads a financial year written 2019-20, 2019/20,
// 2019-2020, 2019/2020, 19/20, FY19/20 or FY2019-20 (an en dash works as a
// hyphen). The second year must follow the first, so "2019-21" is refused; a
// year alone ("2019") is refused too, since finance teams use it for both the
// year starting and the year ending then.
func ParseFinancialYear(s string) (FinancialYear, error) {
	t := strings.TrimSpace(s)
	var m []string
	if len(t) == 7 && t[4] == '-' && digits(t[:4]) && digits(t[5:]) {
		m = []string{t, t[:4], t[5:]} // 2019-20, as most files write it: what yearForm would match
	} else {
		m = yearForm.FindStringSubmatch(t)
	}
	return yearFromMatch(s, m)
}

// yearFromMatch is the financial year s names, given yearForm's match of it
// (nil when it does not match).
func yearFromMatch(s string, m []string) (FinancialYear, error) {
	if m == nil {
		return 0, fmt.Errorf("financial year %q: want the form 2019-20", s)
	}
	first, _ := strconv.Atoi(m[1])
	second, _ := strconv.Atoi(m[2])
	if len(m[1]) == 2 {
		first += 2000
	}
	if first < 1900 || first > 2200 {
		return 0, fmt.Errorf("financial year %q: want the form 2019-20", s)
	}
	want := first + 1
	if len(m[2]) == 2 {
		want %= 100
	}
	if second != want {
		if len(m[2]) == 2 {
			return 0, fmt.Errorf("financial year %q: the second part must be %02d", s, want)
		}
		return 0, fmt.Errorf("financial year %q: the second part must be %d", s, want)
	}
	return FinancialYear(first), nil
}

// digits reports whether s is ASCII digits only.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Never is the completion year of a trust that does not start within the
// horizon: it sorts after every real year.
const Never FinancialYear = 1 << 30
