package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// invocation returns the command a user types to run lumen where they
// are: "go run ./cmd/lumen" when this program was started by go run in a
// checkout of Lumen (nothing installed a lumen command), its name when it
// is found on the PATH ("lumen" after go install), and its path otherwise.
// Hints that name a command use it, so that each one works when copied.
func invocation() string {
	exe, err := os.Executable()
	if err != nil {
		return "lumen"
	}
	// go run builds into a temporary go-build folder.
	if strings.Contains(filepath.ToSlash(exe), "/go-build") {
		if _, err := os.Stat(filepath.Join("cmd", "lumen", "main.go")); err == nil {
			return "go run ./cmd/lumen"
		}
		return "lumen"
	}
	name := filepath.Base(exe)
	if found, err := exec.LookPath(name); err == nil {
		if same, _ := filepath.EvalSymlinks(found); same == exe || found == exe {
			return name
		}
	}
	return exe
}

// commandLine returns the command line that runs lumen with args, as the user
// would type it where they are.
func commandLine(args ...string) string {
	return strings.Join(append([]string{invocation()}, args...), " ")
}
