package report

import (
	"time"
)

// manifestFields are the rows of the Manifest table.
var manifestFields = []string{"scenario", "corecast_version", "input_file", "input_sha256", "input_note",
	"run_date", "run_time_s", "seed", "iterations", "sampling", "base_year", "target_year", "horizon_year", "command"}

// manifestValue returns one field of a run's manifest.
func manifestValue(b *book, k int, field string) any {
	m := b.runs[k].Manifest
	sc := b.runs[k].Result.Scenario
	switch field {
	case "scenario":
		return b.labels[k]
	case "corecast_version":
		return m.Version
	case "input_file":
		return m.Input.Name
	case "input_sha256":
		return m.Input.SHA256
	case "input_note":
		return m.Input.Note
	case "run_date":
		date := m.RunDate
		if !b.sourceDate.IsZero() {
			date = b.sourceDate
		}
		if date.IsZero() {
			return nil
		}
		return date.UTC().Format(time.RFC3339)
	case "run_time_s":
		if !b.sourceDate.IsZero() {
			return nil // differs from run to run: see the note
		}
		return cell{m.RunTime.Seconds(), kSeconds}
	case "seed":
		return seedValue(m.Seed)
	case "iterations":
		return cell{float64(m.Iterations), kCount}
	case "sampling":
		return string(m.Sampling)
	case "base_year":
		return sc.BaseYear.String()
	case "target_year":
		return sc.TargetYear.String()
	case "horizon_year":
		return sc.HorizonYear.String()
	case "command":
		return m.Command
	}
	return nil
}

// manifestSheet records how each run was made, one column per run.
func manifestSheet(b *book) *sheet {
	// Wrapped, so that a long command or note stays in its column instead
	// of being cut off by the next run's.
	cols := []column{{name: "field", wrap: true}}
	for _, l := range b.labels {
		cols = append(cols, column{name: l, kind: kMixed, input: true, wide: true, left: true, wrap: true})
	}
	t := &table{name: "manifest", cols: cols, n: len(manifestFields)}
	t.row = func(i int, dst []any) {
		dst[0] = manifestFields[i]
		for k := range b.runs {
			dst[1+k] = manifestValue(b, k, manifestFields[i])
		}
	}
	notes := []string{
		"To reproduce a run, give the same input file (check its SHA-256), the scenario as listed on the Assumptions sheet, and this seed and number of iterations: the numbers are identical whatever the number of workers.",
		"The workbook holds numbers to the 15 significant digits Excel keeps; the CSV and JSON exports hold them in full.",
	}
	if !b.sourceDate.IsZero() {
		notes = append(notes, SourceDateEpochVar+" was set: run_date is its date and run_time_s is left blank, since the time a run takes differs from one run to the next, so that the same runs give a file identical to the byte.")
	}
	for k, r := range b.runs {
		if n := seedNote(r.Manifest.Seed); n != "" {
			notes = append(notes, "The seed of "+b.labels[k]+" is "+n+".")
		}
		// A scenario changed in the TUI is reproduced from the Assumptions
		// sheet, not from the file it was loaded from.
		if n := editedNote(b, k); n != "" {
			notes = append(notes, n)
		}
	}
	return &sheet{name: SheetManifest, tables: []*table{t}, notes: notes}
}
