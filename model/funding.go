package model

import (
	"fmt"
	"strings"
)

// NationalCode is the Funding code of rows that set the national envelope.
const NationalCode = "NATIONAL"

// FundingStatus says how certain a funding row is.
type FundingStatus int

// Funding statuses: received and committed money always counts; planned money
// counts only when the scenario's include_planned is set.
const (
	Received FundingStatus = iota
	Committed
	Planned
)

var statusNames = []string{"received", "committed", "planned"}

// String gives the status as written in a workbook.
func (s FundingStatus) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("FundingStatus(%d)", int(s))
	}
	return statusNames[s]
}

// Counts reports whether money with this status is treated as committed.
func (s FundingStatus) Counts(includePlanned bool) bool {
	return s == Received || s == Committed || (includePlanned && s == Planned)
}

// ParseFundingStatus reads a status, case-insensitively.
func ParseFundingStatus(s string) (FundingStatus, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	for i, name := range statusNames {
		if n == name {
			return FundingStatus(i), nil
		}
	}
	return 0, fmt.Errorf("unknown funding status %q: want one of %s", s, strings.Join(statusNames, ", "))
}

// Funding is one row of the Funding sheet: money for one trust (or, with code
// NATIONAL, the national envelope) in one financial year.
type Funding struct {
	Code      string        // trust code or NATIONAL
	Programme string        // programme name, e.g. "Global Digital Exemplar"
	Year      FinancialYear // the financial year of the money
	NationalM float64       // national money, £m, ≥ 0
	LocalM    float64       // local (trust) money, £m, ≥ 0
	Status    FundingStatus // received, committed or planned
}

// IsNational reports whether the row sets the national envelope.
func (f Funding) IsNational() bool { return strings.EqualFold(f.Code, NationalCode) }

// Inputs is everything a forecast reads from a workbook: the trusts and
// their funding, and what was observed after the base year (optional).
type Inputs struct {
	Trusts   []Trust
	Funding  []Funding
	Observed []Observation
}
