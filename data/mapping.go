package data

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// Mapping is a map file (--map map.toml): for a workbook whose headings the
// aliases do not cover, the column (and money unit) of any field, which wins
// over the aliases, and optionally the sheet to read:
//
//	[trusts]
//	sheet = "Provider list"
//	opex_m = { column = "Opex 19/20", unit = "£000" }
//	maturity = "DMA 2019"
//
// The zero Mapping maps nothing.
type Mapping struct {
	file   string
	sheets map[string]sheetMapping // by schema sheet name, lower case
}

// sheetMapping is one sheet's part of a map file.
type sheetMapping struct {
	file    string
	sheet   string // the workbook's sheet to read; empty for the usual name
	columns map[string]columnMapping
}

// columnMapping names the column holding a field, and its unit for money.
type columnMapping struct {
	column string
	unit   string
}

// forSheet returns the mapping of one schema sheet.
func (m *Mapping) forSheet(s sheetSchema) sheetMapping {
	if m == nil {
		return sheetMapping{}
	}
	return m.sheets[strings.ToLower(s.sheet)]
}

// mappedSchemas lists the sheets a map file may name.
var mappedSchemas = []sheetSchema{trustsSchema, fundingSchema}

// LoadMapping reads a map file, refusing unknown sheets, fields and units
// with a problem naming the file and key.
func LoadMapping(path string) (*Mapping, error) {
	b, err := readFileLimited(path, limits{maxBytes: 1 << 20})
	if err != nil {
		return nil, err
	}
	return ParseMapping(path, b)
}

// ParseMapping reads a map file held in memory; name is used in problems.
func ParseMapping(name string, b []byte) (*Mapping, error) {
	if err := checkNesting(name, b); err != nil {
		return nil, err
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&raw); err != nil {
		return nil, refuse(name, "is not a valid map file (%v)", err)
	}
	m := &Mapping{file: name, sheets: map[string]sheetMapping{}}
	var ps problemList
	bad := func(format string, a ...any) { ps.add(Problem{File: name, Expected: fmt.Sprintf(format, a...)}) }
	for _, sec := range sortedKeys(raw) {
		var schema *sheetSchema
		for i := range mappedSchemas {
			if strings.EqualFold(sec, mappedSchemas[i].sheet) {
				schema = &mappedSchemas[i]
			}
		}
		tbl, isTable := raw[sec].(map[string]any)
		if schema == nil || !isTable {
			bad("[%s] is not a sheet corecast reads; want [trusts] or [funding]", sec)
			continue
		}
		sm := sheetMapping{file: name, columns: map[string]columnMapping{}}
		for _, k := range sortedKeys(tbl) {
			v := tbl[k]
			if k == "sheet" {
				s, ok := v.(string)
				if !ok || strings.TrimSpace(s) == "" {
					bad("[%s] sheet: want the sheet's name as text", sec)
				}
				sm.sheet = strings.TrimSpace(s)
				continue
			}
			known := false
			for _, f := range schema.fields {
				if f.name == k {
					known = true
				}
			}
			if !known {
				bad("[%s] %s is not a column of %s; want one of %s (or sheet)", sec, k, schema.sheet, strings.Join(schema.columnNames(), ", "))
				continue
			}
			var cm columnMapping
			switch v := v.(type) {
			case string:
				cm.column = v
			case map[string]any:
				for _, kk := range sortedKeys(v) {
					s, ok := v[kk].(string)
					switch {
					case !ok:
						bad("[%s] %s.%s: want text", sec, k, kk)
					case kk == "column":
						cm.column = s
					case kk == "unit":
						cm.unit = s
						if !MoneyColumn(k) {
							bad("[%s] %s: a unit applies only to money columns", sec, k)
						} else if _, ok := parseUnit(s); !ok {
							bad("[%s] %s: unit %q is not one of £000, £m, £bn", sec, k, s)
						}
					default:
						bad("[%s] %s: %s is not a setting; want column and unit", sec, k, kk)
					}
				}
			default:
				bad("[%s] %s: want a column name, or { column = \"...\", unit = \"£000\" }", sec, k)
				continue
			}
			if strings.TrimSpace(cm.column) == "" {
				bad("[%s] %s: want the column's heading as text", sec, k)
				continue
			}
			sm.columns[k] = cm
		}
		m.sheets[strings.ToLower(schema.sheet)] = sm
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// checkNesting refuses a map file nested deeper than a scenario may be,
// before it is parsed: the parser's work grows with the square of the depth.
func checkNesting(name string, b []byte) error {
	if line, _, ok := tomlNesting(b, maxScenarioDepth); !ok {
		return refuse(name, "line %d nests tables and arrays more than %d levels deep (a map file needs 2), so the file was not read", line, maxScenarioDepth)
	}
	return nil
}
