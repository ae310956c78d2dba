from ktt_cli.entry import main

main()
