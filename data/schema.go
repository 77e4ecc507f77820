package data

import (
	"corecast/model"
)

// fieldKind is what a column holds, which decides how its cells are read.
type fieldKind int

const (
	kindText   fieldKind = iota // free text, trimmed
	kindType                    // a trust type, through its aliases
	kindRegion                  // an NHS England region, through its aliases
	kindMoney                   // an amount in £m, or in the unit its header names
	kindScore                   // a digital maturity score, 0–100
	kindYear                    // a financial year
	kindStatus                  // a funding status
)

// field is one column of an input sheet: its name as corecast writes it,
// the other headings analysts give it, what it holds and whether it must be
// there.
type field struct {
	name     string
	aliases  []string
	kind     fieldKind
	required bool
	want     string // what a cell must hold, as problems say it
}

// sheetSchema is one input sheet (or CSV file) and its columns.
type sheetSchema struct {
	sheet  string // sheet name in a workbook
	csv    string // file name in a CSV directory
	what   string // what one row is, e.g. "trust"
	fields []field
}

// What cells must hold, as problems say it.
const (
	wantCode     = "the trust's ODS code"
	wantName     = "the trust's name"
	wantType     = "one of acute, mental health, community, ambulance, specialist"
	wantRegion   = "one of East of England, London, Midlands, North East and Yorkshire, North West, South East, South West"
	wantOpex     = "annual operating expenditure in £m, a number above 0"
	wantMaturity = "a digital maturity score, a number from 0 to 100"
	wantPrev     = "an earlier maturity score, a number from 0 to 100, or nothing"
	wantMoney    = "an amount in £m, a number 0 or above"
	wantYear     = `a financial year written like "2019-20"`
	wantStatus   = "one of received, committed, planned"
	wantFundCode = "a trust code from the Trusts sheet, or NATIONAL for the national envelope"
)

// The columns of the Trusts and Funding sheets (DESIGN §3), declared once:
// the xlsx and CSV readers, the sample writer, the Inputs export and the
// input hash all use them.
var (
	trustsSchema = sheetSchema{sheet: SheetTrusts, csv: FileTrusts, what: "trust", fields: []field{
		{name: "code", kind: kindText, required: true, want: wantCode,
			aliases: []string{"ods code", "org code", "organisation code", "organization code", "trust code", "provider code", "ods"}},
		{name: "name", kind: kindText, required: true, want: wantName,
			aliases: []string{"trust name", "organisation name", "organization name", "org name", "provider name", "trust"}},
		{name: "type", kind: kindType, required: true, want: wantType,
			aliases: []string{"trust type", "org type", "organisation type", "sector", "provider type"}},
		{name: "region", kind: kindRegion, required: true, want: wantRegion,
			aliases: []string{"nhs region", "nhse region", "nhs england region", "commissioning region"}},
		{name: "opex_m", kind: kindMoney, required: true, want: wantOpex,
			aliases: []string{"opex", "operating expenditure", "total operating expenditure", "operating costs", "operating cost", "opex m"}},
		{name: "maturity", kind: kindScore, required: true, want: wantMaturity,
			aliases: []string{"dma", "dma score", "digital maturity", "maturity score", "digital maturity score"}},
		{name: "maturity_prev", kind: kindScore, want: wantPrev,
			aliases: []string{"previous dma score", "previous dma", "dma 2016", "baseline maturity", "previous maturity", "prior maturity", "maturity previous"}},
		{name: "epr", kind: kindText, want: "the trust's EPR system as text",
			aliases: []string{"epr system", "epr supplier", "electronic patient record"}},
	}}
	fundingSchema = sheetSchema{sheet: SheetFunding, csv: FileFunding, what: "funding line", fields: []field{
		{name: "code", kind: kindText, required: true, want: wantFundCode,
			aliases: []string{"ods code", "org code", "organisation code", "organization code", "trust code", "provider code", "ods"}},
		{name: "programme", kind: kindText, required: true, want: "the programme's name",
			aliases: []string{"program", "programme name", "funding programme", "scheme"}},
		{name: "year", kind: kindYear, required: true, want: wantYear,
			aliases: []string{"financial year", "fy", "fin year"}},
		{name: "national_m", kind: kindMoney, required: true, want: wantMoney,
			aliases: []string{"national", "national funding", "central funding", "national m"}},
		{name: "local_m", kind: kindMoney, required: true, want: wantMoney,
			aliases: []string{"local", "local funding", "trust contribution", "local m"}},
		{name: "status", kind: kindStatus, required: true, want: wantStatus,
			aliases: []string{"funding status"}},
	}}
	observedSchema = sheetSchema{sheet: SheetObserved, csv: FileObserved, what: "observation", fields: []field{
		{name: "code", kind: kindText, required: true, want: "a trust code from the Trusts sheet",
			aliases: []string{"ods code", "org code", "organisation code", "organization code", "trust code", "provider code", "ods"}},
		{name: "year", kind: kindYear, required: true, want: wantYear,
			aliases: []string{"financial year", "fy", "assessment year", "year assessed"}},
		{name: "maturity", kind: kindScore, required: true, want: wantMaturity,
			aliases: []string{"dma", "dma score", "digital maturity", "maturity score", "digital maturity score", "observed maturity"}},
	}}
	scenarioSchema = sheetSchema{sheet: SheetScenario, csv: FileScenario, what: "scenario setting", fields: []field{
		{name: "key", kind: kindText, required: true, want: "a scenario key such as capacity_starts or unit_cost.acute.mode", aliases: []string{"setting", "parameter"}},
		{name: "value", kind: kindText, required: true, want: "a value for the key"},
	}}
)

// columnNames lists a schema's column names in order.
func (s sheetSchema) columnNames() []string {
	out := make([]string, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.name
	}
	return out
}

// field returns the named field. Every name asked for is one of the
// schema's (the parsers name their own columns); should one not be, its
// problems still read sensibly rather than the load failing.
func (s sheetSchema) field(name string) field {
	for _, f := range s.fields {
		if f.name == name {
			return f
		}
	}
	return field{name: name, want: "a valid " + name}
}

// TrustColumns lists the Trusts sheet's columns as corecast writes them.
func TrustColumns() []string { return trustsSchema.columnNames() }

// FundingColumns lists the Funding sheet's columns as corecast writes them.
func FundingColumns() []string { return fundingSchema.columnNames() }

// ObservedColumns lists the Observed sheet's columns as corecast writes them.
func ObservedColumns() []string { return observedSchema.columnNames() }

// ObservedRecord gives an observation's cells in ObservedColumns order.
func ObservedRecord(o model.Observation) []any {
	return []any{o.Code, o.Year.String(), o.Maturity}
}

// TrustRecord gives a trust's cells in TrustColumns order: text as strings,
// numbers as float64, a missing maturity_prev as nil.
func TrustRecord(t model.Trust) []any {
	var prev any
	if t.HasMaturityPrev {
		prev = t.MaturityPrev
	}
	return []any{t.Code, t.Name, t.Type.String(), t.Region.String(), t.OpexM, t.Maturity, prev, t.EPR}
}

// FundingRecord gives a funding row's cells in FundingColumns order.
func FundingRecord(f model.Funding) []any {
	return []any{f.Code, f.Programme, f.Year.String(), f.NationalM, f.LocalM, f.Status.String()}
}

// MoneyColumn reports whether the named Trusts or Funding column holds £m.
func MoneyColumn(name string) bool { return columnKind(name) == kindMoney }

// ScoreColumn reports whether the named Trusts column holds a maturity score.
func ScoreColumn(name string) bool { return columnKind(name) == kindScore }

// FreeTextColumn reports whether the named column holds text as the user
// typed it (code, name, programme, EPR), which writers must escape.
func FreeTextColumn(name string) bool { return columnKind(name) == kindText }

func columnKind(name string) fieldKind {
	for _, s := range []sheetSchema{trustsSchema, fundingSchema} {
		for _, f := range s.fields {
			if f.name == name {
				return f.kind
			}
		}
	}
	return -1
}
