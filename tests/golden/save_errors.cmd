# save and load refuse with the position of the file name
save plot.svg
relu on -1..1
save plot.png
save PLOT
save
save session
save session  # only a comment
save "a b.svg" extra
save "unterminated.svg
save ""
save /nonexistent-dir/plot.svg
save session /nonexistent-dir/demo.avz
load /nonexistent-dir/demo.avz
load .
load load_self.avz
