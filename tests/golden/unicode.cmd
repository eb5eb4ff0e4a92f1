# text that must not reach the terminal as itself
relu 31m
relu ‮ on 1..2
relu​ on -1..1
relu on -3–3
relu on -3…3
relu 😀
﻿relu at 1
