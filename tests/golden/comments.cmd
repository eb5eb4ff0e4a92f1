# comments and blank lines are ignored

   relu at 1   # trailing comment
	
RELU At 2
