package cli

import (
	"io"

	"corecast/data"
)

// LoadProject loads the session a project file gives (data.Project): its
// input, read as --input reads one (the embedded sample when it names
// none), and its scenarios in full. The input's own Scenario sheet is not
// used: the project's scenarios are the ones that were open when it was
// written.
func LoadProject(path string, notes io.Writer) (Session, error) {
	p, err := data.LoadProjectTOML(path)
	if err != nil {
		return Session{}, usageError(err)
	}
	s, err := LoadSessionFrom(p.Input, p.Map, nil, "", notes)
	if err != nil {
		return Session{}, err
	}
	s.Scenarios, s.ProjectPath = p.Scenarios, path
	return s, nil
}
