from ktt_cli.cli import main

main()
