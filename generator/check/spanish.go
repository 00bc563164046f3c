package check

import (
	_ "embed"
)

// builtinJargonES is Lumen's list of Spanish words with plainer ones.
//
//go:embed jargon.es.txt
var builtinJargonES string

// jargonES maps the Spanish list's words and phrases to plainer ones.
var jargonES = func() map[string]string {
	m, errs := ParseJargon("jargon.es.txt", builtinJargonES)
	if len(errs) > 0 {
		panic(errs.Err())
	}
	return m
}()

// promotionalES are the Spanish promotional words and promises that health
// information should not make, as promotional has them in English; what to
// say of each is written for the site's staff, in English.
var promotionalES = map[string]string{
	"la mejor atención":      "a superlative that cannot be shown",
	"los mejores resultados": "a superlative that cannot be shown",
	"los mejores médicos":    "a superlative that cannot be shown",
	"los mejores cirujanos":  "a superlative that cannot be shown",
	"garantía":               "no treatment is certain to work",
	"garantizado":            "no treatment is certain to work",
	"garantizada":            "no treatment is certain to work",
	"garantizamos":           "no treatment is certain to work",
	"indoloro":               "most procedures hurt a little, during or after",
	"indolora":               "most procedures hurt a little, during or after",
	"sin riesgo":             "every treatment has risks",
	"sin riesgos":            "every treatment has risks",
	"totalmente seguro":      "every treatment has risks",
	"totalmente segura":      "every treatment has risks",
	"completamente seguro":   "every treatment has risks",
	"completamente segura":   "every treatment has risks",
	"de vanguardia":          "a boast; say what the equipment or method does",
	"última tecnología":      "a boast; say what the method does and how well",
	"revolucionario":         "a boast; say what is new and what the evidence shows",
	"revolucionaria":         "a boast; say what is new and what the evidence shows",
	"milagro":                "a promise no treatment can keep",
	"milagroso":              "a promise no treatment can keep",
	"milagrosa":              "a promise no treatment can keep",
	"alivio permanente":      "a promise of outcome no treatment can keep for everyone",
	"de primer nivel":        "a boast that cannot be shown",
	"de clase mundial":       "a boast that cannot be shown",
}

// negationsES are the Spanish words before a promotional word that deny
// it: "no es indoloro", "nunca es totalmente seguro".
var negationsES = map[string]bool{"no": true, "nunca": true, "ni": true, "tampoco": true}

// listsES are the Spanish word lists.
var listsES = wordLists{jargon: jargonES, jargonList: newPhraseList(jargonES),
	promotional: newPhraseList(promotionalES), outcomes: newPhraseList(nil), negations: negationsES}
