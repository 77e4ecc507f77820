package ui

import (
	"context"
	"sync"

	"corecast/model"
	"corecast/ui/common"
)

// writes tracks the files being written by background commands (exports
// and scenario saves), so that when the program ends it can cancel them and
// wait while they remove their temporary files: a write cut off by the
// process exiting would leave its temporary file behind.
type writes struct {
	mu     sync.Mutex
	ended  bool
	wg     sync.WaitGroup
	ctx    context.Context // cancelled when the program ends
	cancel context.CancelFunc
}

func newWrites() *writes {
	ctx, cancel := context.WithCancel(context.Background())
	return &writes{ctx: ctx, cancel: cancel}
}

// begin counts a write in, or reports false once the program is ending, so
// that no write starts after end has begun waiting.
func (w *writes) begin() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ended {
		return false
	}
	w.wg.Add(1)
	return true
}

// track returns f with its writers counted, and exports cancelled when the
// program ends.
func (w *writes) track(f common.Files) common.Files {
	if export := f.Export; export != nil {
		f.Export = func(ctx context.Context, req common.ExportRequest) error {
			if !w.begin() {
				return context.Canceled
			}
			defer w.wg.Done()
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			defer context.AfterFunc(w.ctx, cancel)()
			return export(ctx, req)
		}
	}
	if save := f.SaveScenario; save != nil {
		// A scenario file is small: it is let finish rather than cancelled.
		f.SaveScenario = func(path string, sc model.Scenario, overwrite bool) error {
			if !w.begin() {
				return context.Canceled
			}
			defer w.wg.Done()
			return save(path, sc, overwrite)
		}
	}
	if save := f.SaveProject; save != nil {
		f.SaveProject = func(path string, scenarios []model.Scenario, overwrite bool) error {
			if !w.begin() {
				return context.Canceled
			}
			defer w.wg.Done()
			return save(path, scenarios, overwrite)
		}
	}
	return f
}

// stop cancels the writes in flight and lets no new one start. It does not
// wait; wait does.
func (w *writes) stop() {
	w.mu.Lock()
	w.ended = true
	w.mu.Unlock()
	w.cancel()
}

// wait returns once every write begun has finished, its temporary file
// removed or renamed into place.
func (w *writes) wait() { w.wg.Wait() }
