# Table rows read as typed at every magnitude (issue 13), each x the
# typed-decimal rounding of LO + i*S: never -7.000000000000001e-31.
set format csv
table relu on -1e-30..1e-30 step 1e-31
table relu on 4e-301..6e-301 step 1e-301
table relu on 0..1e301 step 1e300
table relu on -5e307..5e307 step 1e307
table relu on 1e23..2e23 step 1e22
# denormals: each x the double nearest the decimal (printed with the
# 15 digits every number gets, more than a denormal holds)
table relu on -1e-315..-8e-316 step 3e-317
table relu on 0..3e-321 step 7e-322
table relu on 0..1e301
sweep relu bias -1e-30..1e-30 step 1e-31 batch 200 seed 2
