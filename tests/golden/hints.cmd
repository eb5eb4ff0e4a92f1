# phrasings people type first that the language refuses, each with a hint
# that spells the working command; -k runs on after each
relu on [3, -3]
relu on [-3 3]
relu on [-3, 3
relu on 3:-3
relu on -3:0.5:3
relu on 1...2
set range 2...1
relu on -1...-2
relu on -3 to 3
