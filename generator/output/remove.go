package output

import (
	"os"
	"path"
	"strings"
)

// removeTree removes the folder dir and all it holds, as os.RemoveAll
// does: the previous site, after Commit swapped the new one in. The new
// site's files, names, are most of the previous one's, and where the
// system allows it (removeNamed) they are removed by name first, each
// folder opened once, with no folder read to learn what it holds: the
// removal of the 22,000 files and folders of a 10,000-page site was most
// of a one-page rebuild's publishing. os.RemoveAll then removes what is
// left, whatever it is.
func removeTree(dir string, names []string) error {
	if len(names) > 0 {
		removeNamed(dir, treeOf(names))
	}
	return os.RemoveAll(dir)
}

// nameTree is a folder of names: its files, and its folders by name.
type nameTree struct {
	files   []string
	folders map[string]*nameTree
}

// treeOf returns the tree of slash-separated names.
func treeOf(names []string) *nameTree {
	root := &nameTree{}
	for _, name := range names {
		t := root
		dir, file := path.Split(name)
		for part := range strings.SplitSeq(strings.TrimSuffix(dir, "/"), "/") {
			if part == "" {
				continue
			}
			if t.folders == nil {
				t.folders = map[string]*nameTree{}
			}
			next := t.folders[part]
			if next == nil {
				next = &nameTree{}
				t.folders[part] = next
			}
			t = next
		}
		t.files = append(t.files, file)
	}
	return root
}
