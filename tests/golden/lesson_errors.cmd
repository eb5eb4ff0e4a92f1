lesson nosuch
lesson next
lesson 11
lesson 0.5
lesson relu extra
