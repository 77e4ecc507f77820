package report

import (
	"corecast/forecast"
)

// groupColumns are the columns of a region or type table after its name.
func groupColumns(name string) []column {
	return []column{{name: name}, {name: "trusts", kind: kCount},
		{name: "total_need_mean", kind: kMoney}, {name: "total_need_p10", kind: kMoney}, {name: "total_need_p50", kind: kMoney}, {name: "total_need_p90", kind: kMoney},
		{name: "national_need_mean", kind: kMoney}, {name: "national_need_p10", kind: kMoney}, {name: "national_need_p50", kind: kMoney}, {name: "national_need_p90", kind: kMoney},
		{name: "core_by_target", kind: kTrusts}, {name: "core_by_target_share", kind: kPercent}}
}

// groupSheet builds the sheet of a grouping of trusts (regions or types).
func groupSheet(b *book, sheetName, tableName, col string, groups func(r *forecast.Result) []forecast.GroupResult) *sheet {
	t, _ := b.stacked(tableName, groupColumns(col),
		b.each(func(r *forecast.Result) int { return len(groups(r)) }),
		func(k, j int, dst []any) {
			g := groups(b.runs[k].Result)[j]
			share := 0.0
			if g.Trusts > 0 {
				share = g.CoreByTarget / float64(g.Trusts)
			}
			copy(dst, []any{g.Name, g.Trusts,
				g.TotalNeed.Mean, g.TotalNeed.P10, g.TotalNeed.P50, g.TotalNeed.P90,
				g.NationalNeed.Mean, g.NationalNeed.P10, g.NationalNeed.P50, g.NationalNeed.P90,
				g.CoreByTarget, share})
		})
	return &sheet{name: sheetName, tables: []*table{t}, notes: []string{
		"Need in £m at base-year real prices (mean and P10/P50/P90 over iterations); core_by_target is the expected number of trusts core by the target year.",
	}}
}

// byRegionSheet holds the figures of each NHS England region.
func byRegionSheet(b *book) *sheet {
	return groupSheet(b, SheetByRegion, "by_region", "region", func(r *forecast.Result) []forecast.GroupResult { return r.ByRegion })
}

// byTypeSheet holds the figures of each trust type.
func byTypeSheet(b *book) *sheet {
	return groupSheet(b, SheetByType, "by_type", "type", func(r *forecast.Result) []forecast.GroupResult { return r.ByType })
}
