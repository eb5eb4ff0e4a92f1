# phrasings people type first that the language refuses, each with a hint
# that spells the working command; -k runs on after each
relu on [3, -3]
relu on [-3 3]
relu on [-3, 3
relu on 3:-3
