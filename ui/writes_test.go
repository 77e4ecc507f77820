package ui

import (
	"context"
	"errors"
	"testing"

	"corecast/model"
	"corecast/ui/common"
)

// TestStopCancelsAndWaitsForWrites starts an export that runs until it is
// cancelled and then cleans up: stopping the program cancels it, wait returns
// only after the clean-up, and no write starts afterwards.
func TestStopCancelsAndWaitsForWrites(t *testing.T) {
	started, cleaned := make(chan struct{}), false
	files := common.Files{
		ExportFormats: []string{"xlsx"},
		Export: func(ctx context.Context, _ common.ExportRequest) error {
			close(started)
			<-ctx.Done()
			cleaned = true // as a writer removing its temporary file
			return ctx.Err()
		},
		SaveScenario: func(string, model.Scenario, bool) error {
			t.Error("a scenario was saved after the program ended")
			return nil
		},
	}
	m, err := New(sample(t), []model.Scenario{testScenario()}, WithFiles(files))
	if err != nil {
		t.Fatal(err)
	}
	result := make(chan error, 1)
	go func() { result <- m.ctx.Files.Export(context.Background(), common.ExportRequest{}) }()
	<-started
	m.stop()
	m.writes.wait()
	if !cleaned {
		t.Error("wait returned before the export had cleaned up")
	}
	if err := <-result; !errors.Is(err, context.Canceled) {
		t.Errorf("export ended with %v, want context.Canceled", err)
	}
	if err := m.ctx.Files.Export(context.Background(), common.ExportRequest{}); !errors.Is(err, context.Canceled) {
		t.Errorf("an export started after the end: %v", err)
	}
	if err := m.ctx.Files.SaveScenario("x.toml", testScenario(), false); !errors.Is(err, context.Canceled) {
		t.Errorf("a save started after the end: %v", err)
	}
}
