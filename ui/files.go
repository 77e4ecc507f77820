package ui

import (
	"context"
	"corecast/internal/safefile"
	"errors"
	"io"
	"os"
	"time"

	"corecast/data"
	"corecast/model"
	"corecast/report"
	"corecast/ui/common"
)

// defaultFiles wires the screens' file work to the data packages. Exports
// carry a manifest naming the input and its hash; the input and scenario
// files the program was started with, and every input opened since, are
// never overwritten.
func defaultFiles(cfg config, inputs model.Inputs) common.Files {
	read := append([]string{cfg.inputPath, cfg.mapPath}, cfg.scenarioPaths...)
	protect := safefile.Reads(append(read, cfg.earlierInputs...))
	var formats []string
	for _, f := range report.Formats() {
		formats = append(formats, string(f))
	}
	return common.Files{
		LoadScenario: data.LoadScenarioTOML,
		SaveScenario: func(path string, sc model.Scenario, overwrite bool) error {
			if in, ok := protect.Overwrites(path); ok {
				return errors.New(path + " would replace " + in + ", an input of this session: choose another name")
			}
			return safefile.WriteFileAtomic(path, overwrite, func(w io.Writer) error {
				return data.WriteScenarioTOML(w, sc)
			})
		},
		SaveProject: func(path string, scenarios []model.Scenario, overwrite bool) error {
			if in, ok := protect.Overwrites(path); ok {
				return errors.New(path + " would replace " + in + ", an input of this session: choose another name")
			}
			return safefile.WriteFileAtomic(path, overwrite, func(w io.Writer) error {
				return data.WriteProjectTOML(w, path, data.Project{Input: cfg.inputPath, Map: cfg.mapPath, Scenarios: scenarios})
			})
		},
		ExportFormats: formats,
		CheckExport: func(path, format string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return err
			}
			return report.Check(path, f, report.Options{Protect: protect})
		},
		Export: func(ctx context.Context, req common.ExportRequest) error {
			f, err := report.ParseFormat(req.Format)
			if err != nil {
				return err
			}
			src, err := inputSource(cfg, inputs)
			if err != nil {
				return err
			}
			// As in a batch run, SOURCE_DATE_EPOCH fixes every date written.
			date, err := report.ParseSourceDateEpoch(os.Getenv(report.SourceDateEpochVar))
			if err != nil {
				return err
			}
			runs := make([]report.Run, 0, len(req.Results))
			for i, r := range req.Results {
				run := report.NewRun(r, req.Inputs, src, cfg.version, time.Now())
				if i < len(req.Analyses) {
					a := req.Analyses[i]
					run.Sensitivity, run.GoalSeek, run.Phased, run.Frontier, run.Investment = a.Sensitivity, a.GoalSeek, a.Phased, a.Frontier, a.Investment
				}
				runs = append(runs, run)
			}
			return report.Write(ctx, req.Path, f, runs,
				report.Options{Force: req.Overwrite, Protect: protect, Progress: req.Progress, SourceDate: date})
		},
	}
}

// inputSource identifies the input for an export's manifest: the hash of
// the bytes loaded (never of the path read again, which may by then hold
// another file), or the hash of the embedded sample's canonical form.
func inputSource(cfg config, in model.Inputs) (report.Source, error) {
	if cfg.inputPath == "" {
		return report.HashInputs(report.SampleName, in), nil
	}
	if cfg.inputDigest.SHA256 == "" {
		return report.Source{}, errors.New("the SHA-256 of " + cfg.inputPath + " as it was loaded is not known")
	}
	return report.Source{Name: cfg.inputPath, SHA256: cfg.inputDigest.SHA256, Note: cfg.inputDigest.Note}, nil
}
