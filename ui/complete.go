package ui

import (
	"os"
	"path/filepath"
	"strings"
)

// completePath completes a path typed at a prompt as a shell does: to the
// longest common prefix of the entries of its directory that begin with
// what is typed of the last name, with a separator after a directory that
// is the only match. It also returns the matching names (directories with
// the separator), for the prompt to show. Relative paths are taken from
// workDir; hidden entries are offered only once a "." is typed.
func completePath(workDir, typed string) (string, []string) {
	cut := strings.LastIndexByte(typed, filepath.Separator) + 1
	dirPart, prefix := typed[:cut], typed[cut:]
	dir := dirPart
	if dir == "" {
		dir = "."
	}
	if !filepath.IsAbs(dir) && workDir != "" {
		dir = filepath.Join(workDir, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return typed, nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		// A link to a directory completes as the directory.
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.IsDir() {
			name += string(filepath.Separator)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return typed, nil
	}
	common := names[0]
	for _, n := range names[1:] {
		common = commonPrefix(common, n)
	}
	return dirPart + common, names
}

// commonPrefix is the longest prefix a and b share, cut at a whole
// character.
func commonPrefix(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return string(ra[:n])
}
