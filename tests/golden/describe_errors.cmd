describe
describe relu step 0.5
describe relu on 1..1
describe relu at 1
describe relu, nosuch
