// Package specialfiles makes things that are not regular files — a
// directory, a named pipe, a socket, a character device, symbolic links to
// them — for tests of code that must refuse to replace them.
package specialfiles

import (
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// File is one special file made for a test.
type File struct {
	Name string // a short name for subtests
	Path string
	Kind string // what an error message should call it
}

// Make creates in dir every special file this system and user can make, each
// named with ext (such as ".xlsx") so that extension checks pass and the
// kind of file is what is tested. Kinds that cannot be made here (a device
// node needs root; named pipes and sockets need Unix) are left out.
func Make(t testing.TB, dir, ext string) []File {
	t.Helper()
	var out []File
	add := func(name, kind string, create func(path string) error) {
		path := filepath.Join(dir, name+ext)
		if err := create(path); err != nil {
			t.Logf("no %s here: %v", kind, err)
			return
		}
		out = append(out, File{Name: name, Path: path, Kind: kind})
	}
	add("directory", "a directory", func(p string) error { return os.Mkdir(p, 0o755) })
	add("fifo", "a named pipe", mkfifo)
	add("device", "a character device", mknull)
	add("socket", "a socket", func(p string) error {
		l, err := net.Listen("unix", p)
		if err != nil {
			return err
		}
		// Closing a Unix listener removes its file, so keep it open.
		t.Cleanup(func() { _ = l.Close() })
		return nil
	})
	for _, f := range append([]File(nil), out...) {
		link := filepath.Join(dir, "link-to-"+f.Name+ext)
		if os.Symlink(f.Path, link) == nil {
			out = append(out, File{Name: "link to " + f.Name, Path: link, Kind: "a symbolic link to " + f.Kind})
		}
	}
	dangling := filepath.Join(dir, "dangling"+ext)
	if os.Symlink(filepath.Join(dir, "nowhere"+ext), dangling) == nil {
		out = append(out, File{Name: "dangling link", Path: dangling, Kind: "a symbolic link to a file that does not exist"})
	}
	return out
}

// Names lists the names in dir, for tests that check nothing was left
// behind or replaced.
func Names(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// WaitingWriters keeps a writer waiting on each named pipe among files, so
// that code under test which wrongly opens one for reading finds an empty
// file at once, and fails, rather than waiting for ever, however many
// times it does so. The writers are released when the test ends.
func WaitingWriters(t testing.TB, files []File) {
	t.Helper()
	var wg sync.WaitGroup
	var done atomic.Bool
	var pipes []string
	for _, f := range files {
		st, err := os.Stat(f.Path)
		if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			continue
		}
		pipes = append(pipes, f.Path)
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Opening for writing waits for a reader; closing at once
			// gives that reader the end of the file.
			for !done.Load() {
				w, err := os.OpenFile(f.Path, os.O_WRONLY, 0)
				if err != nil {
					return
				}
				_ = w.Close()
			}
		}()
	}
	t.Cleanup(func() {
		// A reader held open until every writer is done releases those
		// waiting and lets those yet to open do so at once.
		done.Store(true)
		var readers []*os.File
		for _, p := range pipes {
			if r, err := openReadNoWait(p); err == nil {
				readers = append(readers, r)
			}
		}
		wg.Wait()
		for _, r := range readers {
			_ = r.Close()
		}
	})
}
