package diag

import (
	"os"
	"regexp"
	"testing"
)

// TestEveryRuleIsRegistered checks that every rule constant has one entry
// in the registry, with a severity, a stage and a description.
func TestEveryRuleIsRegistered(t *testing.T) {
	src, err := os.ReadFile("rules.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := regexp.MustCompile(`(?m)^\s+Rule\w+\s+= "([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(consts) != len(Rules()) {
		t.Errorf("%d rule constants, %d rules in the registry", len(consts), len(Rules()))
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("%s is registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Severity == "" || r.Doc == "" {
			t.Errorf("%s has no severity or no description", r.ID)
		}
	}
	for _, c := range consts {
		if !Known(c[1]) {
			t.Errorf("the rule %q has no entry in the registry", c[1])
		}
	}
	if RuleOrder(RuleGrade) >= RuleOrder(RuleAnchor) || RuleOrder(RuleAnchor) >= RuleOrder(RuleJargon) {
		t.Error("findings on one line are listed readability, review, anchors, then wording")
	}
}
