package generator

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers orders Lumen's packages along the data flow. A package may import
// only packages of a lower layer, so the tree reads left to right and has
// no cycles through the back door.
var layers = map[string]int{
	"diag":        0,
	"freelist":    0,
	"ascii8":      0,
	"strictyaml":  1,
	"htmlcheck":   1,
	"sitefs":      1,
	"rebase":      1,
	"fingerprint": 1,
	"images":      1,
	"buildcache":  1,
	"i18n":        2,
	"config":      2,
	"content":     2,
	"markdown":    3,
	"readability": 1,
	"watch":       3,
	"site":        4,
	"feeds":       5,
	"schema":      5,
	"check":       5,
	"render":      5,
	"output":      5,
	"scaffold":    5,
	"headers":     3,
	"redirects":   5,
	"search":      5,
	"deploy":      6,
	"":            6, // package generator itself
	"devserver":   7,
	"cmsconfig":   3,
	"editapi":     7,
	"editor":      8,
}

const module = "github.com/lumen-ssg/lumen/generator"

func TestImportsFlowOneWay(t *testing.T) {
	for pkg, layer := range layers {
		dir := filepath.Join(".", filepath.FromSlash(pkg))
		entries, err := os.ReadDir(dir)
		if os.IsNotExist(err) {
			continue // a layer for a package still to come
		}
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, e.Name()), nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if path != module && !strings.HasPrefix(path, module+"/") {
					continue
				}
				dep := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
				depLayer, known := layers[dep]
				if !known {
					t.Errorf("%s imports %s, which has no layer in this test; add it", pkg, dep)
					continue
				}
				if depLayer >= layer {
					t.Errorf("%s/%s (layer %d) imports %s (layer %d): imports must flow to lower layers",
						dir, e.Name(), layer, dep, depLayer)
				}
			}
		}
	}
}

func TestEveryPackageHasALayer(t *testing.T) {
	filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || strings.Contains(p, "testdata") {
			return err
		}
		if files, _ := filepath.Glob(filepath.Join(p, "*.go")); len(files) > 0 {
			rel := filepath.ToSlash(p)
			if rel == "." {
				rel = ""
			}
			if _, ok := layers[rel]; !ok {
				t.Errorf("package %q has no layer in imports_test.go", rel)
			}
		}
		return nil
	})
}

// TestREADMEShowsTheLayers holds the README's list of package layers to
// the layers this test enforces.
func TestREADMEShowsTheLayers(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]int{}
	for _, line := range strings.Split(string(readme), "\n") {
		f := strings.Fields(line)
		if !strings.HasPrefix(line, "    ") || len(f) < 2 || len(f[0]) != 1 || f[0][0] < '0' || f[0][0] > '9' {
			continue
		}
		layer := int(f[0][0] - '0')
		for _, name := range f[1:] {
			name = strings.TrimSuffix(name, ",")
			if _, known := layers[name]; !known && name != "generator" {
				break // the notes after the packages
			}
			if name == "generator" {
				name = ""
			}
			shown[name] = layer
		}
	}
	for pkg, layer := range layers {
		if got, ok := shown[pkg]; !ok || got != layer {
			t.Errorf("the README shows %q in layer %d (listed: %v), the test has it in layer %d", pkg, got, ok, layer)
		}
	}
	if len(shown) != len(layers) {
		t.Errorf("the README shows %d packages in layers, the test knows %d", len(shown), len(layers))
	}
}
