package ui

import (
	"path/filepath"
	"slices"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/fsnotify/fsnotify"
)

// watcher tells the program when a watched file has been saved. It
// watches directories, not files: a spreadsheet program saves by writing a
// new file and renaming it over the old one, and a watch on the old file
// would end with it. A save is several changes (the temporary file written,
// renamed, its attributes set), so the names changed are told only once
// none has changed for the delay.
type watcher struct {
	fs    *fsnotify.Watcher
	delay time.Duration
	out   chan filesSavedMsg
	done  chan struct{}
	once  sync.Once

	mu sync.Mutex
	// files are the watched files; dirs the watched directories whose every
	// file counts (a CSV input). Both are cleaned absolute paths.
	files, dirs map[string]bool
}

// filesSavedMsg is what the watch tells the program: the watched files
// (or directories) saved since it last told, sorted, or why watching
// failed.
type filesSavedMsg struct {
	paths []string
	err   error
}

// newWatcher starts watching nothing; watch says what.
func newWatcher(delay time.Duration) (*watcher, error) {
	fs, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fs, delay: delay, out: make(chan filesSavedMsg), done: make(chan struct{}),
		files: map[string]bool{}, dirs: map[string]bool{}}
	go w.loop()
	return w, nil
}

// watch replaces what is watched: files (each watched through its
// directory) and dirs (every file in them). Empty paths are skipped.
func (w *watcher) watch(files, dirs []string) error {
	fset, dset := map[string]bool{}, map[string]bool{}
	var watchDirs []string
	for _, f := range files {
		if f = absClean(f); f != "" {
			fset[f] = true
			watchDirs = append(watchDirs, filepath.Dir(f))
		}
	}
	for _, d := range dirs {
		if d = absClean(d); d != "" {
			dset[d] = true
			watchDirs = append(watchDirs, d)
		}
	}
	w.mu.Lock()
	w.files, w.dirs = fset, dset
	w.mu.Unlock()
	// Directories watched before and no longer needed stay watched: their
	// events match nothing, and removing one another name still needs
	// would be the harder mistake.
	for _, d := range watchDirs {
		if err := w.fs.Add(d); err != nil {
			return err
		}
	}
	return nil
}

// absClean makes path absolute and clean, as events name files.
func absClean(path string) string {
	if path == "" {
		return ""
	}
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return filepath.Clean(path)
}

// match returns the watched path an event's file belongs to, or "".
func (w *watcher) match(name string) string {
	name = filepath.Clean(name)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files[name] {
		return name
	}
	if d := filepath.Dir(name); w.dirs[d] {
		return d
	}
	return ""
}

// loop gathers the paths changed until none has changed for the delay,
// then holds them until the program takes them, gathering more meanwhile.
func (w *watcher) loop() {
	pending, ready := map[string]bool{}, map[string]bool{}
	var settled <-chan time.Time
	var watchErr error
	for {
		var out chan filesSavedMsg
		var msg filesSavedMsg
		if len(ready) > 0 || watchErr != nil {
			out = w.out
			for p := range ready {
				msg.paths = append(msg.paths, p)
			}
			slices.Sort(msg.paths)
			msg.err = watchErr
		}
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// A change of attributes alone is not a save.
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if p := w.match(ev.Name); p != "" {
				pending[p] = true
				settled = time.After(w.delay)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			watchErr = err
		case <-settled:
			for p := range pending {
				ready[p] = true
			}
			pending, settled = map[string]bool{}, nil
		case out <- msg:
			ready, watchErr = map[string]bool{}, nil
		case <-w.done:
			return
		}
	}
}

// next waits, off the update loop, for the next saves.
func (w *watcher) next() tea.Cmd {
	return func() tea.Msg {
		select {
		case m := <-w.out:
			return m
		case <-w.done:
			return nil
		}
	}
}

// close stops watching; a next waiting returns.
func (w *watcher) close() {
	w.once.Do(func() {
		close(w.done)
		w.fs.Close()
	})
}
