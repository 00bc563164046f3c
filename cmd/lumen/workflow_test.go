package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestGitHubPagesWorkflowBuilds reads the GitHub Pages workflow of
// docs/deploy and runs its build step as GitHub would for a project site
// at https://you.github.io/site: the build succeeds, writes the folder the
// workflow uploads, and links under /site/.
func TestGitHubPagesWorkflowBuilds(t *testing.T) {
	data, err := os.ReadFile("../../docs/deploy/github-pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name string            `yaml:"name"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v", err)
	}
	var run, upload string
	for _, s := range wf.Jobs["build"].Steps {
		if s.Name == "Build" {
			run = s.Run
		}
		if strings.HasPrefix(s.Uses, "actions/upload-pages-artifact@") {
			upload = s.With["path"]
		}
	}
	cmd, ok := strings.CutPrefix(run, "go run ./cmd/lumen ")
	if !ok || upload == "" {
		t.Fatalf("build step %q, upload path %q", run, upload)
	}
	cmd = strings.ReplaceAll(cmd, `"${{ steps.pages.outputs.base_url }}/"`, "https://you.github.io/site/")
	dest := filepath.Join(t.TempDir(), upload)
	args := append(strings.Fields(cmd), "--source", "../..", "--dest", dest)
	if code, out, errs := lumen(args...); code != exitOK {
		t.Fatalf("lumen %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil || !strings.Contains(string(home), `href="/site/conditions/"`) {
		t.Errorf("the home page does not link under /site/: %v\n%.600s", err, home)
	}
}
