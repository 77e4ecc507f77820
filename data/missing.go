package data

import (
	"fmt"
	"slices"
	"strings"
)

// missingSheet is the problem for a sheet that is not in the workbook. It
// lists the sheets the workbook has and the map file key that would name
// one of them as the sheet, suggesting the one whose name is most like it
// ("Trust list" for Trusts), so that the fix is one line.
func (wb *workbook) missingSheet(s sheetSchema, m *Mapping, read map[string]*table) Problem {
	var names, free []string
	for _, ref := range wb.sheets {
		names = append(names, fmt.Sprintf("%q", ref.name))
		taken := false
		for _, t := range read {
			taken = taken || t.sheet == ref.name
		}
		if !taken {
			free = append(free, ref.name)
		}
	}
	const shown = 12
	if len(names) > shown {
		names = append(names[:shown], fmt.Sprintf("and %d more", len(names)-shown))
	}
	has := "the workbook has no sheets"
	if len(names) > 0 {
		has = "the workbook has the sheets " + strings.Join(names, ", ")
	}
	key := strings.ToLower(s.sheet)
	if sm := m.forSheet(s); sm.sheet != "" {
		return Problem{File: wb.file, Sheet: sm.sheet, Expected: fmt.Sprintf("is missing: the map file (%s) names it as the %s sheet ([%s] sheet = %q), but %s", sm.file, s.sheet, key, sm.sheet, has)}
	}
	example := "…"
	if like := sheetLike(s.sheet, free); like != "" {
		example = like
	}
	return Problem{File: wb.file, Sheet: s.sheet, Expected: fmt.Sprintf("is missing: %s; rename the one with a row per %s to %s, or name it in a --map file: [%s] sheet = %q",
		has, s.what, s.sheet, key, example)}
}

// sheetLike returns the sheet among names most like want: one whose name
// holds want's stem ("Trust" in "Trust list"), or "" when none does.
func sheetLike(want string, names []string) string {
	stem := strings.TrimSuffix(normalName(want), "s")
	i := slices.IndexFunc(names, func(n string) bool { return strings.Contains(normalName(n), stem) })
	if i < 0 {
		return ""
	}
	return names[i]
}
