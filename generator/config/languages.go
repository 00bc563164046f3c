package config

import (
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Language is one language a site is published in: the default language
// (the language key) and each of the languages key. The default language
// is published at the site's root, each other one under /<code>/, from
// content/<code>/.
type Language struct {
	// Code is the language's BCP 47 tag, such as "es": the folder of its
	// content, the start of its URLs and the lang of its pages.
	Code string `yaml:"code"`
	// Name is the language's name in itself, shown in the language
	// switcher: "Español".
	Name string `yaml:"name"`
	// Locale is the language and region the site writes for, such as
	// "es-US", for og:locale and hreflang; it defaults to Code.
	Locale string `yaml:"locale"`
	// Title, Description and Tagline replace the site's title and
	// description and the practice's tagline on this language's pages.
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Tagline     string `yaml:"tagline"`
	// Menu replaces the main navigation on this language's pages; its
	// site paths are this language's (/es/condiciones/).
	Menu []MenuItem `yaml:"menu"`
	// Readability holds the reading-level targets of the language's
	// pages, where the language has its own formulas (Spanish).
	Readability LanguageReadability `yaml:"readability"`
}

// LanguageReadability are the reading-level targets of a language other
// than English.
type LanguageReadability struct {
	// MinINFLESZ is the lowest Szigriszt-Pazos score, on the INFLESZ
	// scale, of a Spanish page's full sentences: 55 ("normal") unless set;
	// 65 is "bastante fácil".
	MinINFLESZ float64 `yaml:"min_inflesz"`
}

// DefaultMinINFLESZ is the INFLESZ target of Spanish pages when site.yaml
// sets none: the bottom of the scale's "normal" band (Barrio-Cantalejo et
// al., 2008).
const DefaultMinINFLESZ = 55

// languageNames are the names of common languages in themselves, for a
// language listed without a name.
var languageNames = map[string]string{
	"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
	"it": "Italiano", "zh": "中文", "vi": "Tiếng Việt", "ko": "한국어", "ru": "Русский",
	"ar": "العربية", "tl": "Tagalog", "ht": "Kreyòl ayisyen", "pl": "Polski",
}

// Languages returns the site's languages, the default first, then the
// others in the order site.yaml lists them, each with its name and locale
// filled in.
func (c *Config) Languages() []Language {
	def := Language{Code: c.Language}
	var others []Language
	for _, l := range c.OtherLanguages {
		if l.Code == c.Language {
			def = l
			continue
		}
		others = append(others, l)
	}
	out := append([]Language{def}, others...)
	for i := range out {
		l := &out[i]
		if l.Name == "" {
			l.Name = languageNames[Primary(l.Code)]
		}
		if l.Name == "" {
			l.Name = l.Code
		}
		if l.Locale == "" {
			l.Locale = l.Code
		}
		if l.Readability.MinINFLESZ == 0 && Primary(l.Code) == "es" {
			l.Readability.MinINFLESZ = DefaultMinINFLESZ
		}
	}
	return out
}

// Multilingual reports whether the site is published in more than one
// language.
func (c *Config) Multilingual() bool { return len(c.Languages()) > 1 }

// Prefix returns the site path under which the language code's pages are
// published: "/" for the default language, "/es/" for Spanish.
func (c *Config) Prefix(code string) string {
	if code == "" || code == c.Language {
		return "/"
	}
	return "/" + code + "/"
}

// For returns the configuration of the pages in language code: the same
// as c with Language set to code and the language's title, description,
// tagline and menu in place of the site's. The Config returned shares
// nothing that it changes with c. For the default language it returns c
// itself when the language has no overrides.
func (c *Config) For(code string) *Config {
	for _, l := range c.Languages() {
		if l.Code != code {
			continue
		}
		if code == c.Language && l.Title == "" && l.Description == "" && l.Tagline == "" && l.Menu == nil {
			return c
		}
		cc := *c
		cc.Language = code
		if l.Title != "" {
			cc.Title = l.Title
		}
		if l.Description != "" {
			cc.Description = l.Description
		}
		if l.Tagline != "" {
			cc.Practice.Tagline = l.Tagline
		}
		if l.Menu != nil {
			cc.Menu = l.Menu
		}
		return &cc
	}
	return c
}

// Primary returns the language subtag of a BCP 47 tag, in lower case:
// "es" of "es-US". Lumen chooses a language's formulas, word lists and
// stemmer by it.
func Primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}

// checkLanguages reports the problems of the languages key: a code that
// is not a language tag, a language listed twice, a code that is a folder
// Lumen uses for its own pages, and the problems of each menu.
func (c *Config) checkLanguages(bad func(key, format string, args ...any) *diag.Error) {
	seen := map[string]bool{}
	for i, l := range c.OtherLanguages {
		key := fmt.Sprintf("languages.%d", i)
		switch {
		case l.Code == "":
			bad(key, "language %d has no code", i+1).WithHint(`add its BCP 47 tag, such as code: es`)
			continue
		case !languageTag.MatchString(l.Code) || strings.ToLower(l.Code) != l.Code:
			bad(key+".code", "language code %q is not a lower-case language tag", l.Code).WithHint(`use a tag such as "es" or "pt-br": it is a folder under content/ and the start of the language's URLs`)
			continue
		case seen[l.Code]:
			bad(key+".code", "language %q is listed twice", l.Code).WithHint("list each language once")
			continue
		case reservedFolders[l.Code]:
			bad(key+".code", "language code %q is a folder Lumen publishes its own files in", l.Code).WithHint("use the language's BCP 47 tag, such as es")
			continue
		}
		seen[l.Code] = true
		if m := l.Readability.MinINFLESZ; m < 0 || m > 100 {
			bad(key+".readability.min_inflesz", "min_inflesz %v of language %q is out of range", m, l.Code).WithHint("use a score between 0 and 100: 55 is \"normal\", 65 \"bastante fácil\"")
		}
		for j, m := range l.Menu {
			mkey := fmt.Sprintf("%s.menu.%d", key, j)
			if strings.TrimSpace(m.Title) == "" {
				bad(mkey, "menu item %d of language %q has no title", j+1, l.Code)
			}
			if !strings.HasPrefix(m.URL, "/") && !strings.HasPrefix(m.URL, "https://") {
				bad(mkey, "menu item %q of language %q: url %q must be a site path such as /%s/ or an https:// address", m.Title, l.Code, m.URL, l.Code)
			}
		}
	}
}

// reservedFolders are the top folders of a built site that Lumen writes
// itself, which a language's folder must not take.
var reservedFolders = map[string]bool{"css": true, "js": true, "search": true, "tags": true}

// OGLocale returns the language's locale as the Open Graph protocol
// writes it, language_TERRITORY: "es_US" for "es-US".
func (l Language) OGLocale() string {
	lang, region, ok := strings.Cut(l.Locale, "-")
	if !ok {
		return lang
	}
	return strings.ToLower(lang) + "_" + strings.ToUpper(region)
}

// OtherLanguageCodes returns the codes of the languages other than the
// default one, in order: the folders of content/ that hold them.
func (c *Config) OtherLanguageCodes() []string {
	var out []string
	for _, l := range c.Languages()[1:] {
		out = append(out, l.Code)
	}
	return out
}
